import { type Finding, SEVERITIES, type Severity, STATUSES, type Status } from '../engine/types';

export interface Summary {
  findings: number;
  resources: number;
  rules: number;
  byStatus: Record<Status, number>;
  failedBySeverity: Record<Severity, number>;
}

export function summarize(findings: readonly Finding[]): Summary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const resources = new Set<string>();
  const rules = new Set<string>();
  for (const f of findings) {
    byStatus[f.status]++;
    if (f.status === 'FAIL') failedBySeverity[f.severity]++;
    resources.add(`${f.resourceType}/${f.resourceId}`);
    rules.add(f.ruleId);
  }
  return { findings: findings.length, resources: resources.size, rules: rules.size, byStatus, failedBySeverity };
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/**
 * Exit status of an audit (design.md): 1 when a FAIL is at or above the threshold, or when a
 * rule could not evaluate a resource (an ERROR hides whatever it would have found); else 0.
 */
export function auditExitCode(findings: readonly Finding[], failOn: Severity | 'none'): 0 | 1 {
  if (failOn === 'none') return 0;
  const threshold = severityRank(failOn);
  return findings.some((f) => f.status === 'ERROR' || (f.status === 'FAIL' && severityRank(f.severity) >= threshold)) ? 1 : 0;
}
