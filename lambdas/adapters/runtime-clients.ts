import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { ScopeReader } from '../app/audit-scope';
import type { ConfigEvaluationSink, LookupResolver, PublishPorts, RemediationQueue } from '../app/ports';
import { configEvaluationSink } from './config-evaluations';
import { makeCollectClients } from './ec2/clients';
import { ec2LookupResolver } from './ec2/lookups';
import { ec2ScopeReader } from './ec2/scope-reader';
import { findingStateStore } from './finding-state';
import { remediationQueue } from './remediation-queue';
import { securityHubImporter } from './security-hub';

/**
 * The real adapters a handler's deps hold, each building its client when called (once per
 * container, from the handler's first invocation). Region and endpoint come the SDK's way
 * (AWS_REGION, AWS_ENDPOINT_URL*), which is how the moto tests point them elsewhere.
 */
const CLIENT_CONFIG = { retryMode: 'adaptive', maxAttempts: 5 } as const;

export function ec2Adapters(concurrency: number): { reader: ScopeReader; lookups: LookupResolver } {
  const clients = makeCollectClients();
  return { reader: ec2ScopeReader(clients, concurrency), lookups: ec2LookupResolver(clients.ec2) };
}

export const securityHubPorts = (tableName: string): PublishPorts => ({
  securityHub: securityHubImporter(new SecurityHubClient(CLIENT_CONFIG)),
  state: findingStateStore(new DynamoDBClient(CLIENT_CONFIG), tableName),
});

export const configSink = (testMode: boolean): ConfigEvaluationSink => configEvaluationSink(new ConfigServiceClient(CLIENT_CONFIG), { testMode });

export const remediationQueueAt = (queueUrl: string): RemediationQueue => remediationQueue(new SQSClient(CLIENT_CONFIG), queueUrl);
