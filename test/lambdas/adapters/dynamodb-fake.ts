import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

type Item = Record<string, unknown>;

/**
 * The document client under aws-sdk-client-mock, answering BatchGet, BatchWrite and Query from a
 * map keyed (scope, id), as DynamoDB would for the finding-state table. `pageSize` makes Query page.
 */
export function fakeTable(tableName: string, options: { pageSize?: number } = {}) {
  const items = new Map<string, Item>();
  const key = (k: Item) => `${k.scope} ${k.id}`;
  const mock = mockClient(DynamoDBDocumentClient);
  mock.on(BatchGetCommand).callsFake(({ RequestItems }) => ({
    Responses: { [tableName]: RequestItems[tableName].Keys.flatMap((k: Item) => (items.has(key(k)) ? [structuredClone(items.get(key(k)))] : [])) },
    UnprocessedKeys: {},
  }));
  mock.on(BatchWriteCommand).callsFake(({ RequestItems }) => {
    for (const { PutRequest } of RequestItems[tableName]) items.set(key(PutRequest.Item), structuredClone(PutRequest.Item));
    return { UnprocessedItems: {} };
  });
  mock.on(QueryCommand).callsFake(({ ExpressionAttributeValues, ExclusiveStartKey }) => {
    const all = [...items.values()].filter((i) => i.scope === ExpressionAttributeValues[':scope']).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const from = ExclusiveStartKey ? all.findIndex((i) => i.id === ExclusiveStartKey.id) + 1 : 0;
    const page = all.slice(from, from + (options.pageSize ?? 1000));
    const more = from + page.length < all.length;
    return { Items: page.map((i) => structuredClone(i)), ...(more ? { LastEvaluatedKey: { scope: page.at(-1)?.scope, id: page.at(-1)?.id } } : {}) };
  });
  const calls = () => ({
    batchGet: mock.commandCalls(BatchGetCommand).length,
    batchWrite: mock.commandCalls(BatchWriteCommand).length,
    query: mock.commandCalls(QueryCommand).length,
  });
  return { mock, items, calls };
}
