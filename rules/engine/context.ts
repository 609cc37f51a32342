import type { SnapshotModel } from './model';
import { ExposurePolicy } from './public-address';
import { sortedPorts, TCP, UDP } from './protocols';
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

  /**
   * `compute` gets the owner and this context, so hot callers can pass a module-level function
   * instead of allocating a closure on every call (a million calls on a 10k-group account).
   */
  memo<O extends object, T>(owner: O, name: string, compute: (owner: O, ctx: EvaluationContext) => T): T {
    let byOwner = this.memos.get(name);
    if (!byOwner) {
      byOwner = new Map();
      this.memos.set(name, byOwner);
    }
    if (byOwner.has(owner)) return byOwner.get(owner) as T;
    const value = compute(owner, this);
    byOwner.set(owner, value);
    return value;
  }

  /** Cached while `owner` is the current resource; computed afresh for any other owner. */
  local<O extends object, T>(owner: O, name: string, compute: (owner: O, ctx: EvaluationContext) => T): T {
    if (owner !== this.current) return compute(owner, this);
    if (this.currentMemo.has(name)) return this.currentMemo.get(name) as T;
    const value = compute(owner, this);
    this.currentMemo.set(name, value);
    return value;
  }
}

/** authorizedTcpPorts / authorizedUdpPorts (none for other protocols), sorted once per evaluation. */
export function authorizedPorts(ctx: EvaluationContext, protocol: number): readonly number[] {
  if (protocol === TCP) return ctx.memo(ctx.settings, 'authorized-tcp', (s) => sortedPorts(s.authorizedTcpPorts));
  if (protocol === UDP) return ctx.memo(ctx.settings, 'authorized-udp', (s) => sortedPorts(s.authorizedUdpPorts));
  return [];
}
