import { SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import type { Finding } from '../../rules/engine/types';
import { type AsffScope, asffId, toAsff } from '../../rules/report/asff';
import type { FindingState, PublishPorts } from './ports';
import { type Outgoing, sendAndRecord, stateOf, validateScope } from './publish-send';

/**
 * After a sweep of a whole region (and its publish): every ACTIVE finding the state store holds
 * for the account and region that the sweep did not produce is about a resource that no longer
 * exists (or a rule now switched off), so it is re-imported ARCHIVED. A finding that passes now
 * is not reconcile's business: publish sends it as a changed finding, Compliance PASSED.
 * `swept` is every finding of the sweep, all rules and resources of the region.
 */
export async function reconcile(swept: readonly Finding[], scope: AsffScope, ports: PublishPorts): Promise<{ archived: number }> {
  validateScope(scope);
  const produced = new Set(swept.filter((f) => f.resourceId !== SNAPSHOT_RESOURCE_ID).map((f) => asffId(f.ruleId, f.resourceId, scope)));
  // A resource list the sweep could not read yields one snapshot-wide finding per rule instead of
  // its resources: their absence then proves nothing, so those rules' findings stay as they are.
  const unread = new Set(swept.filter((f) => f.resourceId === SNAPSHOT_RESOURCE_ID).map((f) => f.ruleId));
  const vanished = (await ports.state.list(scope)).filter(
    (r) => r.recordState === 'ACTIVE' && !produced.has(r.id) && !unread.has(r.finding.ruleId),
  );
  await sendAndRecord(
    vanished.map((r) => archived(r, scope)),
    scope,
    ports,
  );
  return { archived: vanished.length };
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
