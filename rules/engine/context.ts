import type { SnapshotModel } from './model';
import { ExposurePolicy } from './public-address';
import type { Settings } from './settings';

/**
 * Everything a rule may read besides its resource. Time comes in here: rules never read the
 * clock. `memo` shares derived data (a group's exposure, a NACL's decision map) between the
 * rules of one evaluation without module-level state.
 */
export class EvaluationContext {
  readonly exposure: ExposurePolicy;
  // A Map, not a WeakMap: it lives only as long as one evaluation, and a WeakMap's ephemeron
  // table costs every young-generation GC extra work.
  private readonly memos = new Map<object, Map<string, unknown>>();

  constructor(
    readonly model: SnapshotModel,
    readonly settings: Settings,
    readonly now: Date,
  ) {
    this.exposure = new ExposurePolicy(settings.trustedCidrs, settings.internetMinPrefix);
  }

  memo<T>(owner: object, name: string, compute: () => T): T {
    let byName = this.memos.get(owner);
    if (!byName) {
      byName = new Map();
      this.memos.set(owner, byName);
    }
    if (byName.has(name)) return byName.get(name) as T;
    const value = compute();
    byName.set(name, value);
    return value;
  }
}
