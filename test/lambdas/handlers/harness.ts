import { Logger } from '@aws-lambda-powertools/logger';
import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import type { Context } from 'aws-lambda';
import { vi } from 'vitest';
import { ec2LookupResolver } from '../../../lambdas/adapters/ec2/lookups';
import { ec2ScopeReader } from '../../../lambdas/adapters/ec2/scope-reader';
import { DEFAULT_SETTINGS } from '../../../rules/engine/settings';
import { NOW } from '../../helpers';
import { copy, fixture } from '../events/fixtures';

/** The collector over the mocked EC2 and STS (test/lambdas/adapters/ec2/fake-account.ts serves them). */
export function ec2Deps() {
  const clients = { ec2: new EC2Client({ region: 'eu-west-1' }), sts: new STSClient({ region: 'eu-west-1' }) };
  return { reader: ec2ScopeReader(clients), lookups: ec2LookupResolver(clients.ec2) };
}

/** A Powertools logger that prints nothing, its methods spied on. */
export function quietLogger() {
  const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
  return { logger, error: vi.spyOn(logger, 'error'), info: vi.spyOn(logger, 'info'), warn: vi.spyOn(logger, 'warn') };
}

/**
 * A Powertools logger at ERROR whose lines are captured as parsed JSON (what CloudWatch would
 * hold), so a test can see the keys appended to a line and not only the call's arguments.
 */
export function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = new Logger({ serviceName: 'test', logLevel: 'ERROR' });
  const capture = (text: unknown) => {
    lines.push(JSON.parse(String(text)));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
  return { logger, lines, restore: () => spies.forEach((s) => s.mockRestore()) };
}

export const common = () => ({ settings: DEFAULT_SETTINGS, now: () => NOW });

export const CONTEXT = {
  functionName: 'vpc-auditor-test',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:vpc-auditor-test',
  memoryLimitInMB: '1024',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

/**
 * A Config fixture of test/fixtures/events made to invoke `ruleName` about one resource of the
 * fake account: the item's (or summary's) fields are replaced by `item`.
 */
export function configEvent(name: string, ruleName: string, item: Record<string, unknown> = {}): Record<string, unknown> {
  const event = copy(fixture(name));
  const invoking = JSON.parse(event.invokingEvent as string);
  const key = invoking.configurationItem ? 'configurationItem' : 'configurationItemSummary';
  if (invoking[key]) Object.assign(invoking[key], item);
  return { ...event, configRuleName: ruleName, invokingEvent: JSON.stringify(invoking) };
}

/**
 * An SQS record of the change queue (test/fixtures/events/sqs-authorize-sg-ingress.json), about
 * group `groupId` of the fake account; `detail` fields replace the event's (errorCode, userIdentity).
 */
export function changeRecord(messageId: string, groupId = 'sg-web', detail: Record<string, unknown> = {}): Record<string, unknown> {
  const record = copy(fixture<{ Records: Record<string, unknown>[] }>('sqs-authorize-sg-ingress.json').Records[0]);
  const body = JSON.parse((record.body as string).replaceAll('sg-b15kasfs', groupId));
  Object.assign(body.detail, { eventID: `event-${messageId}` }, detail);
  return { ...record, messageId, body: JSON.stringify(body) };
}

export const sqsEvent = (...records: Record<string, unknown>[]) => ({ Records: records }) as never;
