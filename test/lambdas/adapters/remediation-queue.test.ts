import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RemediationRequest } from '../../../lambdas/app/ports';
import { remediationQueue } from '../../../lambdas/adapters/remediation-queue';
import { instantRetry } from './retry-fixtures';

const sqs = mockClient(SQSClient);
const URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/remediation';
const request = (i: number): RemediationRequest => ({
  ruleId: 'sg-no-public-admin-ports',
  resourceType: 'AWS::EC2::SecurityGroup',
  resourceId: `sg-${i}`,
  region: 'eu-west-1',
  accountId: '111122223333',
  mode: 'auto',
  kind: 'revoke-public-ingress',
  evidence: { ports: [22] },
});

beforeEach(() => sqs.reset());

describe('remediation queue (SQS SendMessageBatch)', () => {
  it('sends 10 messages a call, each body the request as JSON', async () => {
    // Arrange
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const queue = remediationQueue(new SQSClient({ region: 'eu-west-1' }), URL, instantRetry());

    // Act
    await queue.send(Array.from({ length: 25 }, (_, i) => request(i)));

    // Assert
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Entries?.length)).toEqual([10, 10, 5]);
    expect(calls.every((c) => c.QueueUrl === URL)).toBe(true);
    expect(JSON.parse(calls[2].Entries![4].MessageBody!)).toEqual(request(24));
  });

  it('an entry SQS lists in Failed is sent again, and thrown as a DeliveryError when it keeps failing', async () => {
    // Arrange: m1 fails once, m2 always.
    let calls = 0;
    sqs.on(SendMessageBatchCommand).callsFake(({ Entries }) => {
      calls++;
      const failed = Entries.filter((e: { Id: string }) => e.Id === 'm2' || (e.Id === 'm1' && calls === 1));
      return { Successful: [], Failed: failed.map((e: { Id: string }) => ({ Id: e.Id, Code: 'InternalError', Message: 'try again', SenderFault: false })) };
    });
    const queue = remediationQueue(new SQSClient({ region: 'eu-west-1' }), URL, instantRetry());

    // Act
    const error = await queue.send([request(0), request(1), request(2)]).catch((e: Error) => e);

    // Assert
    expect(error).toMatchObject({ name: 'DeliveryError', failures: [{ id: 'm2', code: 'InternalError', message: 'try again' }] });
    expect(sqs.commandCalls(SendMessageBatchCommand)[1].args[0].input.Entries?.map((e) => e.Id)).toEqual(['m1', 'm2']);
  });

  it('an entry SQS refuses with SenderFault is not sent again: it fails at once, in the same DeliveryError', async () => {
    // Arrange: m0 is at fault (too long), m1 fails once on SQS's side
    sqs.on(SendMessageBatchCommand)
      .resolvesOnce({ Successful: [], Failed: [
        { Id: 'm0', Code: 'InvalidParameterValue', Message: 'message too long', SenderFault: true },
        { Id: 'm1', Code: 'InternalError', Message: 'try again', SenderFault: false },
      ] })
      .resolves({ Successful: [], Failed: [] });
    const queue = remediationQueue(new SQSClient({ region: 'eu-west-1' }), URL, instantRetry());

    // Act
    const error = await queue.send([request(0), request(1)]).catch((e: Error) => e);

    // Assert
    expect(error).toMatchObject({ name: 'DeliveryError', failures: [{ id: 'm0', code: 'InvalidParameterValue', message: 'message too long' }] });
    expect(sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries?.map((e) => e.Id))).toEqual([['m0', 'm1'], ['m1']]);
  });
});
