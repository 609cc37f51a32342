import { InputError } from '../../rules/engine/errors';
import { SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import type { Finding } from '../../rules/engine/types';
import { type AsffScope, asffId, toAsff } from '../../rules/report/asff';
import type { FindingState, PublishPorts } from './ports';
import { PUBLISH_WINDOW, stateOf, validateScope, windowedSender } from './publish-send';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An unchanged finding is re-sent once its last import is this old. Security Hub CSPM deletes an
 * ACTIVE finding not updated for 90 days and an ARCHIVED one after 30 ("Creating and updating
 * findings in Security Hub CSPM"); the issue asks for a refresh at least every 30 days, well inside
 * the 90, and 25 leaves five days for a daily sweep that fails (and lands in the dead-letter queue)
 * to be retried in time. ARCHIVED findings are not refreshed: they may expire (see refreshDue).
 */
export const REFRESH_AFTER_MS = 25 * DAY_MS;

export interface PublishResult {
  /** Findings imported into Security Hub (new, changed, or due for their refresh). */
  sent: number;
  /** Findings left out because Security Hub already holds the same content, recently sent. */
  unchanged: number;
  /** Findings about the snapshot as a whole (a resource list that could not be read): not sent. */
  notSent: number;
}

/**
 * Publishes findings of one account and region to Security Hub, sending only what changed, and
 * records what Security Hub accepted in the finding-state store. Findings about the snapshot as a
 * whole name no resource that ASFF could carry, so they are not sent.
 */
export async function publish(findings: readonly Finding[], scope: AsffScope, ports: PublishPorts): Promise<PublishResult> {
  validateScope(scope);
  const sendable = findings.filter((f) => f.resourceId !== SNAPSHOT_RESOURCE_ID);
  const ids = uniqueIds(sendable, scope);
  const now = scope.now.toISOString();
  const out = windowedSender(scope, ports);
  for (let start = 0; start < sendable.length; start += PUBLISH_WINDOW) {
    const end = Math.min(start + PUBLISH_WINDOW, sendable.length);
    const known = await ports.state.get(scope, ids.slice(start, end));
    for (let i = start; i < end; i++) {
      const f = sendable[i] as Finding;
      const prior = known.get(ids[i] as string);
      const firstObservedAt = prior?.firstObservedAt ?? now;
      const asff = toAsff(f, scope, { firstObservedAt: new Date(firstObservedAt) });
      const record = stateOf(f, asff, firstObservedAt, now);
      if (prior && prior.hash === record.hash && !refreshDue(prior, scope.now)) continue;
      // Workflow belongs to the customer once the finding exists (BatchImportFindings ignores it on
      // an update); a provider sets it only when creating. A finding born PASSED needs no review.
      if (!prior) asff.Workflow = { Status: record.status === 'PASSED' ? 'RESOLVED' : 'NEW' };
      await out.push({ asff, record });
    }
  }
  const sent = await out.end();
  return { sent, unchanged: sendable.length - sent, notSent: findings.length - sendable.length };
}

/**
 * An ACTIVE finding is re-sent before Security Hub would age it out. An ARCHIVED one (resource
 * not applicable, or gone) may age out: if it ever becomes ACTIVE again its content changes, so
 * it is sent then, with its first CreatedAt from the state store.
 */
function refreshDue(prior: FindingState, now: Date): boolean {
  return prior.recordState === 'ACTIVE' && now.getTime() - Date.parse(prior.lastSentAt) >= REFRESH_AFTER_MS;
}

/** Their ASFF Ids, in order. Two findings with one Id would overwrite each other: a bug upstream. */
function uniqueIds(findings: readonly Finding[], scope: AsffScope): string[] {
  const ids = findings.map((f) => asffId(f.ruleId, f.resourceId, scope));
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new InputError(`two findings of one import share the Id ${id}`);
    seen.add(id);
  }
  return ids;
}
