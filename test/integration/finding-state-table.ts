import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The finding-state table as the stack will create it (lambdas/adapters/finding-state.ts: key scope + id). */
export async function createFindingStateTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      KeySchema: [
        { AttributeName: 'scope', KeyType: 'HASH' },
        { AttributeName: 'id', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'scope', AttributeType: 'S' },
        { AttributeName: 'id', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
