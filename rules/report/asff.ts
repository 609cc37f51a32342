import { relatedRequirements } from '../frameworks';
import { partitionOf, RESOURCE_KINDS, resourceArn } from '../engine/resources';
import type { Finding, ResourceKindName } from '../engine/types';

export interface AsffScope {
  accountId: string;
  region: string;
  now: Date;
}

/** What the finding-state store remembers of a finding's earlier imports. */
export interface AsffHistory {
  /** When the finding was first imported: CreatedAt and FirstObservedAt keep it for good. */
  firstObservedAt: Date;
}

const BY_CFN_TYPE = new Map(
  (Object.keys(RESOURCE_KINDS) as ResourceKindName[]).map((k) => [RESOURCE_KINDS[k].cfnType, k] as const),
);
export const COMPLIANCE = { PASS: 'PASSED', FAIL: 'FAILED', NOT_APPLICABLE: 'NOT_AVAILABLE', ERROR: 'NOT_AVAILABLE' } as const;
export const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** The finding's ASFF Id: stable per (region, account, rule, resource). */
export function asffId(ruleId: string, resourceId: string, scope: Pick<AsffScope, 'accountId' | 'region'>): string {
  return `vpc-auditor/${scope.region}/${scope.accountId}/${ruleId}/${resourceId}`;
}

/**
 * One finding in the AWS Security Finding Format, exactly as sent to BatchImportFindings. The Id
 * is stable per (region, account, rule, resource), so a later import updates the same finding.
 * NOT_APPLICABLE findings are ARCHIVED: the check no longer concerns that resource.
 * Given the finding's `history`, CreatedAt and FirstObservedAt keep their first value while
 * UpdatedAt and LastObservedAt move, as Security Hub expects of a provider's re-import.
 */
export function toAsff(f: Finding, scope: AsffScope, history?: AsffHistory): Record<string, unknown> {
  const { accountId, region } = scope;
  const at = scope.now.toISOString();
  const first = history ? history.firstObservedAt.toISOString() : at;
  const kind = BY_CFN_TYPE.get(f.resourceType);
  const partition = partitionOf(region);
  const types = ['Software and Configuration Checks/AWS Security Best Practices/Network Reachability'];
  if (f.compliance['cis-aws-3.0']) types.push('Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark');
  return {
    SchemaVersion: '2018-10-08',
    Id: asffId(f.ruleId, f.resourceId, scope),
    ProductArn: `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`,
    GeneratorId: f.ruleId,
    AwsAccountId: accountId,
    Types: types,
    CreatedAt: first,
    UpdatedAt: at,
    FirstObservedAt: first,
    LastObservedAt: at,
    Severity: { Label: f.severity, Original: f.severity },
    // Security Hub takes a provider's Severity and Types on re-import only from here (the top-level
    // ones belong to the customer once the finding exists), so a severity change must come this way.
    FindingProviderFields: { Severity: { Label: f.severity, Original: f.severity }, Types: types },
    Title: clip(f.title, 256),
    Description: clip(f.message, 1024),
    Remediation: { Recommendation: { Text: clip(f.remediation.text, 512), Url: f.remediation.url } },
    ProductFields: {
      'vpc-auditor/RuleId': f.ruleId,
      'vpc-auditor/Status': f.status,
      'vpc-auditor/RemediationMode': f.remediation.mode,
      ...(f.remediation.kind ? { 'vpc-auditor/RemediationKind': f.remediation.kind } : {}),
    },
    Resources: [
      {
        Type: kind ? RESOURCE_KINDS[kind].asffType : 'Other',
        Id: kind ? resourceArn(kind, f.resourceId, accountId, region) : f.resourceId,
        Partition: partition,
        Region: region,
      },
    ],
    Compliance: { Status: COMPLIANCE[f.status], RelatedRequirements: relatedRequirements(f.compliance).slice(0, 32) },
    RecordState: f.status === 'NOT_APPLICABLE' ? 'ARCHIVED' : 'ACTIVE',
  };
}
