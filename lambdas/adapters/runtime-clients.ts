import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { ScopeReader } from '../app/audit-scope';
import type { ConfigEvaluationSink, LookupResolver, PublishPorts, RemediationQueue } from '../app/ports';
import { configEvaluationSink } from './config-evaluations';
import { makeCollectClients, SDK_RETRY } from './ec2/clients';
import { ec2LookupResolver } from './ec2/lookups';
import { ec2ScopeReader } from './ec2/scope-reader';
import { findingStateStore } from './finding-state';
import { remediationQueue } from './remediation-queue';
import { securityHubImporter } from './security-hub';

/**
 * The real adapters a handler's deps hold, each building its client when called (once per
 * container, from the handler's first invocation), with the collector's retry policy. Region and
 * endpoint come the SDK's way (AWS_REGION, AWS_ENDPOINT_URL*), which is how the moto tests point
 * them elsewhere.
 */
export function ec2Adapters(concurrency: number): { reader: ScopeReader; lookups: LookupResolver } {
  const clients = makeCollectClients();
  return { reader: ec2ScopeReader(clients, concurrency), lookups: ec2LookupResolver(clients.ec2) };
}

export const securityHubPorts = (tableName: string): PublishPorts => ({
  securityHub: securityHubImporter(new SecurityHubClient(SDK_RETRY)),
  state: findingStateStore(new DynamoDBClient(SDK_RETRY), tableName),
});

export const configSink = (testMode: boolean): ConfigEvaluationSink => configEvaluationSink(new ConfigServiceClient(SDK_RETRY), { testMode });

export const remediationQueueAt = (queueUrl: string): RemediationQueue => remediationQueue(new SQSClient(SDK_RETRY), queueUrl);
