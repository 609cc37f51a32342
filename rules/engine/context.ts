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
  // Plain Maps: they live for one evaluation, and a WeakMap's ephemeron table costs every
  // young-generation GC extra work.
  private readonly memos = new Map<object, Map<string, unknown>>();
  private current?: object;
  private currentMemo = new Map<string, unknown>();

  constructor(
    readonly model: SnapshotModel,
    readonly settings: Settings,
    readonly now: Date,
  ) {
    this.exposure = new ExposurePolicy(settings.trustedCidrs, settings.internetMinPrefix);
  }

  /**
   * Marks the resource every rule is about to evaluate. Data memoized on it is dropped when the
   * next resource starts, so it dies young (evaluating resource by resource keeps the heap flat;
   * rule by rule, every group's derived data outlived the whole run and each GC copied it).
   */
  startResource(resource: object): void {
    this.current = resource;
    if (this.currentMemo.size > 0) this.currentMemo = new Map();
  }

  memo<T>(owner: object, name: string, compute: () => T): T {
    let byName: Map<string, unknown> | undefined;
    if (owner === this.current) {
      byName = this.currentMemo;
    } else {
      byName = this.memos.get(owner);
      if (!byName) {
        byName = new Map();
        this.memos.set(owner, byName);
      }
    }
    if (byName.has(name)) return byName.get(name) as T;
    const value = compute();
    byName.set(name, value);
    return value;
  }
}
