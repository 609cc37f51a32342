import { createHash } from 'node:crypto';
import { InputError } from '../../rules/engine/errors';
import type { Finding } from '../../rules/engine/types';
import { COMPLIANCE } from '../../rules/report/asff';
import { type AsffFinding, DeliveryError, type FindingState, type PublishPorts, type StateScope } from './ports';

/** One finding on its way out, and the state to record once Security Hub has accepted it. */
export interface Outgoing {
  asff: AsffFinding;
  record: FindingState;
}

// Timestamps that move on every import: a finding whose other fields are unchanged is unchanged.
const MOVING = new Set(['CreatedAt', 'UpdatedAt', 'FirstObservedAt', 'LastObservedAt']);

/** Hash of the ASFF without its moving timestamps (toAsff builds keys in a fixed order). */
export function contentHash(asff: AsffFinding): string {
  return createHash('sha256')
    .update(JSON.stringify(asff, (key, value) => (MOVING.has(key) ? undefined : value)))
    .digest('base64url');
}

const ACCOUNT_ID = /^\d{12}$/;
// aws, aws-cn, aws-us-gov and the isolated partitions: "eu-west-1", "us-gov-west-1", "us-isob-east-1".
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Checked before anything is sent: a bad account or region would fail every finding of the import. */
export function validateScope(scope: StateScope): void {
  if (!ACCOUNT_ID.test(scope.accountId)) throw new InputError(`AccountId must be 12 digits, got '${scope.accountId}'`);
  if (!REGION.test(scope.region)) throw new InputError(`Region must be an AWS region name such as eu-west-1, got '${scope.region}'`);
}

/** The record a finding leaves in the state store once its ASFF is accepted. */
export function stateOf(f: Finding, asff: AsffFinding, firstObservedAt: string, lastSentAt: string): FindingState {
  const { ruleId, resourceType, resourceId, severity, title, remediation, compliance } = f;
  return {
    id: asff.Id as string,
    hash: contentHash(asff),
    firstObservedAt,
    lastSentAt,
    status: COMPLIANCE[f.status],
    recordState: asff.RecordState as FindingState['recordState'],
    finding: { ruleId, resourceType, resourceId, severity, title, remediation, compliance },
  };
}

/**
 * Imports the findings, then records in the state store those Security Hub accepted (never before:
 * a record claims the finding is in Security Hub). On a partial failure the accepted ones are
 * still recorded, so a retry of the message re-sends only what failed; then the error goes on.
 */
export async function sendAndRecord(outgoing: readonly Outgoing[], scope: StateScope, ports: PublishPorts): Promise<void> {
  if (outgoing.length === 0) return;
  let failure: DeliveryError | undefined;
  try {
    await ports.securityHub.importFindings(outgoing.map((o) => o.asff));
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    failure = err;
  }
  const failed = new Set(failure?.failures.map((f) => f.id));
  const accepted = outgoing.filter((o) => !failed.has(o.record.id));
  if (accepted.length > 0) await ports.state.put(scope, accepted.map((o) => o.record));
  if (failure) throw failure;
}

/**
 * Findings are published this many at a time: one state read, their ASFF, the imports, one state
 * write. A sweep of a large region then holds one window's ASFF and state records instead of all
 * of them (10k groups: 135k findings, 1.2 GB peak when held at once). A multiple of the 100
 * findings one BatchImportFindings takes, so every import but the last stays full.
 */
export const PUBLISH_WINDOW = 5_000;

/**
 * Sends what is pushed in full windows and the rest at the end (publish, and reconcile's archives).
 * A window Security Hub partly refuses does not stop the next ones; the refusals are thrown
 * together at the end.
 */
export function windowedSender(scope: StateScope, ports: PublishPorts) {
  let pending: Outgoing[] = [];
  let sent = 0;
  const refused: DeliveryError[] = [];
  const flush = async (batch: Outgoing[]) => {
    sent += batch.length;
    try {
      await sendAndRecord(batch, scope, ports);
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      refused.push(err);
    }
  };
  return {
    async push(o: Outgoing) {
      pending.push(o);
      if (pending.length < PUBLISH_WINDOW) return;
      const full = pending;
      pending = [];
      await flush(full);
    },
    async end(): Promise<number> {
      await flush(pending);
      const first = refused[0];
      if (first) throw refused.length === 1 ? first : new DeliveryError(first.service, refused.flatMap((e) => e.failures));
      return sent;
    },
  };
}
