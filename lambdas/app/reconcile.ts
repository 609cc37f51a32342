import { SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import type { Finding } from '../../rules/engine/types';
import { type AsffScope, asffId, toAsff } from '../../rules/report/asff';
import type { FindingState, PublishPorts } from './ports';
import { type Outgoing, stateOf, validateScope, windowedSender } from './publish-send';

/**
 * After a sweep of a whole region (and its publish): every ACTIVE finding the state store holds
 * for the account and region that the sweep did not produce is about a resource that no longer
 * exists (or a rule now switched off), so it is re-imported ARCHIVED. A finding that passes now
 * is not reconcile's business: publish sends it as a changed finding, Compliance PASSED.
 * `swept` is every finding of the sweep, all rules and resources of the region.
 * Calls: one state-store page read per page of the region's records (a DynamoDB Query page,
 * ~1,000 records), then for the archived ones what publish pays: one import per 100, one state
 * write per 25 (a window of 5,000 is a multiple of both, so windowing adds no call).
 */
export async function reconcile(swept: readonly Finding[], scope: AsffScope, ports: PublishPorts): Promise<{ archived: number }> {
  validateScope(scope);
  const produced = new Set(swept.filter((f) => f.resourceId !== SNAPSHOT_RESOURCE_ID).map((f) => asffId(f.ruleId, f.resourceId, scope)));
  // A resource list the sweep could not read yields one snapshot-wide finding per rule instead of
  // its resources: their absence then proves nothing, so those rules' findings stay as they are.
  const unread = new Set(swept.filter((f) => f.resourceId === SNAPSHOT_RESOURCE_ID).map((f) => f.ruleId));
  // Page by page, archives sent a window at a time (as publish does): a 10k-group region's state
  // (135k records) is never held at once, only one page of it and one window of archives.
  const out = windowedSender(scope, ports);
  for await (const page of ports.state.listPages(scope)) {
    for (const r of page) {
      if (r.recordState === 'ACTIVE' && !produced.has(r.id) && !unread.has(r.finding.ruleId)) await out.push(archived(r, scope));
    }
  }
  return { archived: await out.end() };
}

function archived(r: FindingState, scope: AsffScope): Outgoing {
  const f: Finding = {
    ...r.finding,
    status: 'NOT_APPLICABLE',
    message: `The sweep of ${scope.now.toISOString()} did not evaluate ${r.finding.resourceId}: the resource no longer exists or the rule is off.`,
    evidence: {},
  };
  const asff = toAsff(f, scope, { firstObservedAt: new Date(r.firstObservedAt) });
  return { asff, record: stateOf(f, asff, r.firstObservedAt, scope.now.toISOString()) };
}
