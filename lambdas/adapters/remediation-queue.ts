import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { RemediationQueue } from '../app/ports';
import { type RetryOptions, sendInChunks } from './retry-batch';

/** SendMessageBatch takes at most 10 messages a call. */
export const MESSAGES_PER_BATCH = 10;

/**
 * The remediation hand-off as an SQS queue: one message per request (its JSON), ten per
 * SendMessageBatch. Entries SQS lists in Failed (unless SenderFault: the entry is at fault and
 * fails at once), and throttled calls, are retried (sendInChunks), then thrown as a DeliveryError so that the change message is retried, never dropped.
 */
export function remediationQueue(client: SQSClient, queueUrl: string, retry: RetryOptions = {}): RemediationQueue {
  return {
    async send(requests) {
      // Entry ids only need to be unique within a call; the index over the whole send is.
      const entries = requests.map((r, i) => ({ Id: `m${i}`, MessageBody: JSON.stringify(r) }));
      await sendInChunks('SQS remediation queue', entries, MESSAGES_PER_BATCH, (e) => e.Id, async (chunk) => {
        const out = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk }));
        const failed = new Map((out.Failed ?? []).map((f) => [f.Id, f]));
        return chunk.flatMap((item) => {
          const f = failed.get(item.Id);
          // SenderFault: the entry itself is wrong (too large, bad attributes); resending cannot help.
          return f ? [{ item, code: f.Code ?? 'Unknown', message: f.Message ?? '', final: f.SenderFault === true }] : [];
        });
      }, retry);
    },
  };
}
