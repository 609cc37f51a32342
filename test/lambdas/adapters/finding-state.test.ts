import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { findingStateStore } from '../../../lambdas/adapters/finding-state';
import type { FindingState } from '../../../lambdas/app/ports';
import { finding } from '../fakes';
import { fakeTable } from './dynamodb-fake';
import { instantRetry } from './retry-fixtures';

const TABLE = 'finding-state';
const SCOPE = { accountId: '111122223333', region: 'eu-west-1' };
const doc = () => new DynamoDBClient({});
const { resourceId: _e, evidence: _ev, message: _m, status: _s, ...archivable } = finding(0);
const record = (i: number): FindingState => ({
  id: `vpc-auditor/eu-west-1/111122223333/sg-no-public-admin-ports/sg-${i}`,
  hash: `h${i}`,
  firstObservedAt: '2026-11-01T00:00:00.000Z',
  lastSentAt: '2026-11-22T12:00:00.000Z',
  status: 'FAILED',
  recordState: 'ACTIVE',
  finding: { ...archivable, resourceId: `sg-${i}` },
});
const records = (n: number) => Array.from({ length: n }, (_, i) => record(i));

let table: ReturnType<typeof fakeTable>;
afterEach(() => table.mock.restore());

describe('finding-state store on DynamoDB', () => {
  it('keys items by scope "<account>/<region>" and the finding Id, and reads back what it wrote', async () => {
    table = fakeTable(TABLE);
    const store = findingStateStore(doc(), TABLE, instantRetry());
    await store.put(SCOPE, records(3));
    expect([...table.items.values()][0]).toMatchObject({ scope: '111122223333/eu-west-1', id: record(0).id, hash: 'h0', recordState: 'ACTIVE' });
    const got = await store.get(SCOPE, [record(1).id, 'vpc-auditor/unknown']);
    expect([...got.entries()]).toEqual([[record(1).id, record(1)]]);
    expect(await store.get({ ...SCOPE, region: 'us-east-1' }, [record(1).id])).toEqual(new Map());
  });

  it('writes 25 items a call and reads 100 keys a call', async () => {
    table = fakeTable(TABLE);
    const store = findingStateStore(doc(), TABLE, instantRetry());
    await store.put(SCOPE, records(260));
    expect(table.mock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems?.[TABLE].length)).toEqual([...Array(10).fill(25), 10]);
    expect((await store.get(SCOPE, records(260).map((r) => r.id))).size).toBe(260);
    expect(table.mock.commandCalls(BatchGetCommand).map((c) => c.args[0].input.RequestItems?.[TABLE].Keys?.length)).toEqual([100, 100, 60]);
  });

  it('sends UnprocessedKeys and UnprocessedItems again', async () => {
    table = fakeTable(TABLE);
    const store = findingStateStore(doc(), TABLE, instantRetry());
    const [r0, r1] = records(2);
    table.mock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [{ PutRequest: { Item: { scope: '111122223333/eu-west-1', ...r1 } } }] } })
      .resolves({});
    await store.put(SCOPE, [r0, r1]);
    const writes = table.mock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems?.[TABLE].map((w) => w.PutRequest?.Item?.id));
    expect(writes).toEqual([[r0.id, r1.id], [r1.id]]);

    table.mock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [{ scope: '111122223333/eu-west-1', id: r0.id }] } } })
      .resolves({ Responses: { [TABLE]: [{ scope: '111122223333/eu-west-1', ...r0 }] } });
    expect(await store.get(SCOPE, [r0.id])).toEqual(new Map([[r0.id, r0]]));
    expect(table.mock.commandCalls(BatchGetCommand)).toHaveLength(2);
  });

  it('items DynamoDB keeps leaving unprocessed end as a DeliveryError naming them', async () => {
    table = fakeTable(TABLE);
    table.mock.on(BatchWriteCommand).callsFake(({ RequestItems }) => ({ UnprocessedItems: RequestItems }));
    const error = await findingStateStore(doc(), TABLE, instantRetry()).put(SCOPE, records(2)).catch((e) => e);
    expect(error.message).toBe(`DynamoDB BatchWriteItem did not accept 2 item(s): ${record(0).id} (Unprocessed: left unprocessed by DynamoDB), ${record(1).id} (Unprocessed: left unprocessed by DynamoDB)`);
  });

  it('lists a region with a paged Query on its partition, handing over one page at a time', async () => {
    table = fakeTable(TABLE, { pageSize: 4 });
    const store = findingStateStore(doc(), TABLE, instantRetry());
    await store.put(SCOPE, records(10));
    await store.put({ ...SCOPE, region: 'us-east-1' }, records(3));
    const queriesBefore: number[] = [];
    const pages: FindingState[][] = [];
    for await (const page of store.listPages(SCOPE)) {
      queriesBefore.push(table.calls().query);
      pages.push(page);
    }
    expect(pages.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(pages[0]?.[0]).not.toHaveProperty('scope');
    // each page is read when the caller asks for it, not all before the first is handed over
    expect(queriesBefore).toEqual([1, 2, 3]);
  });
});
