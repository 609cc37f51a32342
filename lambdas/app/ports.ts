import type { Finding } from '../../rules/engine/types';
import type { Lookup } from '../events/affected';
import type { NamedResource } from './audit-scope';

/** An ASFF finding as sent to BatchImportFindings (rules/report/asff.ts builds it). */
export type AsffFinding = Record<string, unknown>;

/** Where findings are published: one account and region. */
export interface StateScope {
  accountId: string;
  region: string;
}

/** What an archive re-import needs to rebuild a finding whose resource is gone. */
export type ArchivableFinding = Pick<Finding, 'ruleId' | 'resourceType' | 'resourceId' | 'severity' | 'title' | 'remediation' | 'compliance'>;

/** The finding-state store's record of one finding Id (what Security Hub last accepted). */
export interface FindingState {
  id: string;
  /** Content hash of the ASFF without its moving timestamps: equal hash = nothing to re-send. */
  hash: string;
  /** ISO time of the first accepted import: the finding's CreatedAt and FirstObservedAt forever. */
  firstObservedAt: string;
  /** ISO time of the last accepted import (the 30-day age-out clock restarts there). */
  lastSentAt: string;
  /** Compliance.Status last sent. */
  status: 'PASSED' | 'FAILED' | 'NOT_AVAILABLE';
  recordState: 'ACTIVE' | 'ARCHIVED';
  finding: ArchivableFinding;
}

/** Security Hub: imports every finding or throws a DeliveryError listing the Ids it did not accept. */
export interface FindingImporter {
  importFindings(findings: readonly AsffFinding[]): Promise<void>;
}

/** The finding-state table: finding Id -> what was last accepted, per account and region. */
export interface FindingStateStore {
  /** The records of those Ids that exist. */
  get(scope: StateScope, ids: readonly string[]): Promise<Map<string, FindingState>>;
  put(scope: StateScope, records: readonly FindingState[]): Promise<void>;
  /**
   * Every record of the account and region, one page at a time (reconcile after a sweep): a
   * region's records are never all held at once. Records put while the pages are read may or
   * may not be seen; reconcile only puts records it has already been given.
   */
  listPages(scope: StateScope): AsyncIterable<FindingState[]>;
}

/** What publish and reconcile talk to. */
export interface PublishPorts {
  securityHub: FindingImporter;
  state: FindingStateStore;
}

export type ConfigComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

/** One AWS Config evaluation, before the SDK's shape. */
export interface ConfigEvaluation {
  resourceType: string;
  resourceId: string;
  complianceType: ConfigComplianceType;
  /** At most 256 characters (PutEvaluations rejects more): publish-config.ts clips it. */
  annotation: string;
  /** When Config saw the state evaluated (the configuration item's capture time, or the schedule's). */
  orderingTimestamp: Date;
}

/** AWS Config: delivers every evaluation for the invocation's result token, or throws a DeliveryError. */
export interface ConfigEvaluationSink {
  putEvaluations(evaluations: readonly ConfigEvaluation[], resultToken: string): Promise<void>;
}

/**
 * What a sink did not accept after its retries: each item's id with the service's error code and
 * message. The caller fails its batch item, so the message reaches the dead-letter queue.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly service: string,
    readonly failures: readonly { id: string; code: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    const shown = failures.slice(0, 3).map((f) => `${f.id} (${f.code}: ${f.message})`);
    const more = failures.length > shown.length ? `, and ${failures.length - shown.length} more` : '';
    super(`${service} did not accept ${failures.length} item(s): ${shown.join(', ')}${more}`, options);
  }
}

/** A FAIL handed to the remediation queue (the remediate handler re-reads and re-plans it). */
export interface RemediationRequest {
  ruleId: string;
  resourceType: string;
  resourceId: string;
  region: string;
  accountId: string;
  /** Only dry-run and auto are handed off; notify stops at the finding. */
  mode: 'dry-run' | 'auto';
  kind: string;
  evidence: Record<string, unknown>;
}

/** The remediation hand-off queue: sends every request or throws a DeliveryError. */
export interface RemediationQueue {
  send(requests: readonly RemediationRequest[]): Promise<void>;
}

/** Finds what a CloudTrail event named only indirectly (a group by name, a subnet by association). */
export interface LookupResolver {
  resolve(lookups: readonly Lookup[]): Promise<(NamedResource & { vpcId?: string })[]>;
}
