import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FindingState, FindingStateStore, StateScope } from '../app/ports';
import { type Rejected, type RetryOptions, sendInChunks } from './retry-batch';

/** BatchGetItem takes at most 100 keys a call, BatchWriteItem at most 25 puts. */
export const KEYS_PER_GET = 100;
export const ITEMS_PER_WRITE = 25;

/**
 * The finding-state table in DynamoDB.
 *
 * Key: partition key `scope` = "<account>/<region>", sort key `id` = the finding's ASFF Id.
 * publish reads the Ids it is about to send with BatchGetItem (100 keys a call); reconcile reads
 * the region's records with one paged Query on the partition, no scan and no index, handed over a
 * page (up to 1 MB, ~1,000 records) at a time. A region with 10k findings is about 10k items of
 * ~1 KB in one partition, far inside DynamoDB's limits.
 * Item: scope, id, hash, firstObservedAt, lastSentAt, status, recordState, and `finding` (rule,
 * resource, title, severity, remediation, compliance: what an archive re-import rebuilds from).
 *
 * Writes go by BatchWriteItem, 25 a call, with UnprocessedItems retried: a 1,050-finding first
 * publish is 42 calls instead of 1,050 PutItems. No write needs a condition: a record only says
 * what Security Hub has accepted, and two writers of one Id both had their import accepted.
 *
 * The client is the caller's (built once per container). The document client around it drops
 * undefined attributes: a finding's remediation has `kind: undefined` when the rule has none, and
 * the default marshaller throws on it.
 */
export function findingStateStore(client: DynamoDBClient, tableName: string, retry: RetryOptions = {}): FindingStateStore {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    async get(scope, ids) {
      const found = new Map<string, FindingState>();
      const keys = ids.map((id) => ({ scope: partitionOf(scope), id }));
      await sendInChunks('DynamoDB BatchGetItem', keys, KEYS_PER_GET, (k) => k.id, async (chunk) => {
        const out = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: chunk } } }));
        for (const item of out.Responses?.[tableName] ?? []) found.set(item.id as string, recordOf(item));
        return unprocessed<(typeof keys)[number]>(out.UnprocessedKeys?.[tableName]?.Keys);
      }, retry);
      return found;
    },

    async put(scope, records) {
      const items = records.map((r) => ({ scope: partitionOf(scope), ...r }));
      await sendInChunks('DynamoDB BatchWriteItem', items, ITEMS_PER_WRITE, (i) => i.id, async (chunk) => {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: chunk.map((Item) => ({ PutRequest: { Item } })) } }));
        return unprocessed<(typeof items)[number]>(out.UnprocessedItems?.[tableName]?.map((r) => r.PutRequest?.Item));
      }, retry);
    },

    async *listPages(scope) {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: '#scope = :scope',
            ExpressionAttributeNames: { '#scope': 'scope' },
            ExpressionAttributeValues: { ':scope': partitionOf(scope) },
            ExclusiveStartKey: start,
          }),
        );
        yield (out.Items ?? []).map(recordOf);
        start = out.LastEvaluatedKey;
      } while (start);
    },
  };
}

const partitionOf = (scope: StateScope) => `${scope.accountId}/${scope.region}`;

/** DynamoDB left these for later (throughput): sent again by sendInChunks. */
function unprocessed<T>(items: readonly unknown[] | undefined): Rejected<T>[] {
  return (items ?? []).filter((item) => item !== undefined).map((item) => ({ item: item as T, code: 'Unprocessed', message: 'left unprocessed by DynamoDB' }));
}

function recordOf(item: Record<string, unknown>): FindingState {
  const { scope: _scope, ...record } = item;
  return record as unknown as FindingState;
}
