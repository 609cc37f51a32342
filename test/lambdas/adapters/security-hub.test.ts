import { BatchImportFindingsCommand, LimitExceededException, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { securityHubImporter } from '../../../lambdas/adapters/security-hub';
import { DeliveryError } from '../../../lambdas/app/ports';
import { toAsff } from '../../../rules/report/asff';
import { NOW } from '../../helpers';
import { findings } from '../fakes';
import { instantRetry, sdkError } from './retry-fixtures';

const hub = mockClient(SecurityHubClient);
const SCOPE = { accountId: '111122223333', region: 'eu-west-1', now: NOW };
const asff = (n: number) => findings(n).map((f) => toAsff(f, SCOPE));
const idsOf = (call: number) => (hub.commandCalls(BatchImportFindingsCommand)[call].args[0].input.Findings ?? []).map((f) => f.Id);
const failed = (Id: unknown, ErrorCode = 'InternalException', ErrorMessage = 'Internal error') => ({ Id: Id as string, ErrorCode, ErrorMessage });

beforeEach(() => {
  hub.reset();
});

describe('Security Hub importer', () => {
  it('sends at most 100 findings a request', async () => {
    hub.on(BatchImportFindingsCommand).resolves({ FailedCount: 0, SuccessCount: 100, FailedFindings: [] });
    await securityHubImporter(new SecurityHubClient({}), instantRetry()).importFindings(asff(250));
    expect(hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings?.length)).toEqual([100, 100, 50]);
  });

  it('retries only the findings listed in FailedFindings', async () => {
    const sent = asff(5);
    hub.on(BatchImportFindingsCommand).resolvesOnce({ FailedCount: 2, FailedFindings: [failed(sent[1].Id), failed(sent[3].Id)] }).resolves({ FailedCount: 0, FailedFindings: [] });
    const retry = instantRetry();
    await securityHubImporter(new SecurityHubClient({}), retry).importFindings(sent);
    expect(idsOf(1)).toEqual([sent[1].Id, sent[3].Id]);
    expect(retry.waits).toHaveLength(1);
  });

  it('after its retries throws a DeliveryError listing each failed Id with its ErrorCode and ErrorMessage', async () => {
    const sent = asff(3);
    hub.on(BatchImportFindingsCommand).callsFake(({ Findings }) => ({ FailedCount: 1, FailedFindings: Findings.filter((f: { Id: string }) => f.Id === sent[2].Id).map((f: { Id: string }) => failed(f.Id, 'InternalException', 'Internal service error')) }));
    const retry = instantRetry();
    const error = await securityHubImporter(new SecurityHubClient({}), retry).importFindings(sent).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.name).toBe('DeliveryError');
    expect(error.failures).toEqual([{ id: sent[2].Id, code: 'InternalException', message: 'Internal service error' }]);
    expect(error.message).toBe(`Security Hub did not accept 1 item(s): ${sent[2].Id} (InternalException: Internal service error)`);
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(5);
    // bounded, growing, jittered backoff: random() = 1 gives the ceiling of each wait
    expect(retry.waits).toEqual([200, 400, 800, 1600]);
  });

  it('does not resend a finding Security Hub refuses as InvalidInput: it fails at once, beside the retried ones', async () => {
    // Arrange: sent[0] is malformed (never accepted), sent[1] is refused once for an internal error
    const sent = asff(3);
    let call = 0;
    hub.on(BatchImportFindingsCommand).callsFake(({ Findings }) => {
      call++;
      const ids = Findings.map((f: { Id: string }) => f.Id);
      return {
        FailedFindings: [
          ...(ids.includes(sent[0].Id) ? [failed(sent[0].Id, 'InvalidInput', 'Finding does not adhere to Amazon Finding Format.')] : []),
          ...(call === 1 ? [failed(sent[1].Id)] : []),
        ],
      };
    });
    const retry = instantRetry();
    // Act
    const error = await securityHubImporter(new SecurityHubClient({}), retry).importFindings(sent).catch((e) => e);
    // Assert: one resend, of sent[1] only; the error names sent[0] with its code and message
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(2);
    expect(idsOf(1)).toEqual([sent[1].Id]);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.failures).toEqual([{ id: sent[0].Id, code: 'InvalidInput', message: 'Finding does not adhere to Amazon Finding Format.' }]);
  });

  it('keeps sending the other chunks when one fails, and names every failure at the end', async () => {
    const sent = asff(150);
    hub.on(BatchImportFindingsCommand).callsFake(({ Findings }) => ({ FailedFindings: Findings.filter((f: { Id: string }) => f.Id === sent[0].Id).map((f: { Id: string }) => failed(f.Id)) }));
    const error = await securityHubImporter(new SecurityHubClient({}), instantRetry()).importFindings(sent).catch((e) => e);
    expect(error.failures.map((f: { id: string }) => f.id)).toEqual([sent[0].Id]);
    expect(hub.commandCalls(BatchImportFindingsCommand).at(-1)?.args[0].input.Findings).toHaveLength(50);
  });

  it.each([
    ['LimitExceededException (429: Security Hub throttling)', new LimitExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } })],
    ['TooManyRequestsException', sdkError('TooManyRequestsException', 429)],
    ['ThrottlingException', sdkError('ThrottlingException', 400)],
    ['InternalException', sdkError('InternalException', 500)],
  ])('retries a request rejected with %s', async (_, err) => {
    hub.on(BatchImportFindingsCommand).rejectsOnce(err).resolves({ FailedFindings: [] });
    const retry = instantRetry(() => 0.5);
    await securityHubImporter(new SecurityHubClient({}), retry).importFindings(asff(3));
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(2);
    expect(idsOf(1)).toEqual(idsOf(0));
    expect(retry.waits).toEqual([100]);
  });

  it('throttled on every try: every finding of the chunk is in the error', async () => {
    hub.on(BatchImportFindingsCommand).rejects(sdkError('TooManyRequestsException', 429, 'slow down'));
    const error = await securityHubImporter(new SecurityHubClient({}), instantRetry()).importFindings(asff(2)).catch((e) => e);
    expect(error.failures.map((f: { code: string }) => f.code)).toEqual(['TooManyRequestsException', 'TooManyRequestsException']);
  });

  it('stops at an error that retrying cannot fix, listing what was not sent', async () => {
    const sent = asff(150);
    hub.on(BatchImportFindingsCommand).rejects(sdkError('AccessDeniedException', 403, 'not authorized to perform securityhub:BatchImportFindings'));
    const error = await securityHubImporter(new SecurityHubClient({}), instantRetry()).importFindings(sent).catch((e) => e);
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(1);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.failures).toHaveLength(150);
    expect(error.message).toMatch(/^Security Hub did not accept 150 item\(s\): .* \(AccessDeniedException: not authorized .*\), and 147 more$/);
    expect(error.cause).toMatchObject({ name: 'AccessDeniedException' });
  });
});
