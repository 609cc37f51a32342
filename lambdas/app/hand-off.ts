import type { Finding } from '../../rules/engine/types';
import type { RemediationQueue, RemediationRequest, StateScope } from './ports';

/**
 * The FAILs the remediation queue gets: those with a remediation kind whose mode is dry-run or
 * auto (notify and off stop at the finding). The message carries the evidence the rule found so
 * the remediate handler can tell what it is about to change, though it re-reads before acting.
 */
export function remediationRequests(findings: readonly Finding[], scope: StateScope): RemediationRequest[] {
  return findings.flatMap((f) => {
    const { kind, mode } = f.remediation;
    if (f.status !== 'FAIL' || !kind || (mode !== 'dry-run' && mode !== 'auto')) return [];
    const { ruleId, resourceType, resourceId, evidence } = f;
    return [{ ruleId, resourceType, resourceId, region: scope.region, accountId: scope.accountId, mode, kind, evidence }];
  });
}

/** Hands the FAILs to the queue; returns how many went. */
export async function handOff(findings: readonly Finding[], scope: StateScope, queue: RemediationQueue): Promise<number> {
  const requests = remediationRequests(findings, scope);
  if (requests.length > 0) await queue.send(requests);
  return requests.length;
}
