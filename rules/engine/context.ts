import type { SnapshotModel } from './model';
import { ExposurePolicy } from './public-address';
import type { Settings } from './settings';

/**
 * Everything a rule may read besides its resource. Time comes in here: rules never read the
 * clock. Derived data is shared between rules without module-level state, two ways:
 * `memo` keeps it for the whole evaluation (small things other resources need again: a group's
 * public rules, a NACL's decision map, an interface's reachability); `local` keeps it only
 * while its owner is the resource being evaluated (bulky things: a group's normalized rules).
 */
export class EvaluationContext {
  readonly exposure: ExposurePolicy;
  // Plain Maps: they live for one evaluation, and a WeakMap's ephemeron table costs every
  // young-generation GC extra work.
  // One map per memo name, keyed by owner: a handful of large maps, not one small map for each
  // of tens of thousands of resources.
  private readonly memos = new Map<string, Map<object, unknown>>();
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
   * Marks the resource every rule is about to evaluate. Its `local` data is dropped when the
   * next resource starts, so it dies young (evaluating resource by resource keeps the heap flat;
   * rule by rule, every group's derived data outlived the whole run and each GC copied it).
   */
  startResource(resource: object): void {
    this.current = resource;
    if (this.currentMemo.size > 0) this.currentMemo = new Map();
  }

  memo<T>(owner: object, name: string, compute: () => T): T {
    let byOwner = this.memos.get(name);
    if (!byOwner) {
      byOwner = new Map();
      this.memos.set(name, byOwner);
    }
    return cached(byOwner, owner, compute);
  }

  /** Cached while `owner` is the current resource; computed afresh for any other owner. */
  local<T>(owner: object, name: string, compute: () => T): T {
    return owner === this.current ? cached(this.currentMemo, name, compute) : compute();
  }
}

function cached<K, T>(map: Map<K, unknown>, key: K, compute: () => T): T {
  if (map.has(key)) return map.get(key) as T;
  const value = compute();
  map.set(key, value);
  return value;
}
