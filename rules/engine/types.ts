import type { RemediationMode } from './settings';
import type { SnapshotKey } from './snapshot-schema';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const STATUSES = ['PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR'] as const;
export type Status = (typeof STATUSES)[number];

/** Automatic remediations the engine can plan (docs/semantics.md "Remediation kinds"). */
export type RemediationKind = 'revoke-public-ingress' | 'close-default-sg' | 'deny-in-nacl';

export type ResourceKindName =
  | 'SecurityGroup'
  | 'NetworkAcl'
  | 'Vpc'
  | 'Subnet'
  | 'NatGateway'
  | 'RouteTable'
  | 'NetworkInterface'
  | 'VpnConnection'
  | 'VpnGateway'
  | 'CustomerGateway'
  | 'ClientVpnEndpoint';

export interface RuleMetadata {
  /** Stable kebab-case id, equal to the file name; the ASFF GeneratorId and Config rule suffix. */
  id: string;
  /** States the compliant condition ("Security groups do not allow …"). */
  title: string;
  description: string;
  severity: Severity;
  resourceKind: ResourceKindName;
  /** Framework id -> requirement ids, e.g. { 'aws-fsbp': ['EC2.13'], 'cis-aws-3.0': ['5.2'] }. */
  compliance: Record<string, string[]>;
  remediation: {
    text: string;
    url: string;
    kind?: RemediationKind;
    /** Mode used when settings do not override it; `notify` when the rule has no kind. */
    defaultMode: RemediationMode;
  };
  /** What should re-run the rule when deployed. */
  triggers: { cloudTrailEvents: string[]; configResourceTypes: string[] };
  /** Snapshot keys beyond the resource's own list that the rule needs; absent = NOT_APPLICABLE. */
  inputs: SnapshotKey[];
  /**
   * Snapshot keys the rule reads when the snapshot has them, and copes without: a verdict,
   * severity, message or evidence may change with them (a fact becomes an unknown the finding
   * names in missingInputs), but their absence never makes the whole rule NOT_APPLICABLE, so
   * they are not `inputs`. A collector reads the resource list, `inputs` and `reads`, no more.
   */
  reads: SnapshotKey[];
}

/** What a rule returns for one resource. */
export interface RuleResult {
  status: 'PASS' | 'FAIL' | 'NOT_APPLICABLE';
  message: string;
  evidence?: Record<string, unknown>;
  /** Overrides the rule's base severity for this FAIL (exposure-aware severity). */
  severity?: Severity;
}

export interface Finding {
  ruleId: string;
  resourceType: string;
  resourceId: string;
  /** Only in a report over several regions (`audit --live --region a --region b`). */
  region?: string;
  status: Status;
  severity: Severity;
  title: string;
  message: string;
  evidence: Record<string, unknown>;
  remediation: { text: string; url: string; kind?: RemediationKind; mode: RemediationMode };
  compliance: Record<string, string[]>;
}
