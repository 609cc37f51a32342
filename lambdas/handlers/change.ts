import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { ec2Adapters, remediationQueueAt, securityHubPorts } from '../adapters/runtime-clients';
import { auditChanges } from '../app/audit-changes';
import type { ScopeReader } from '../app/audit-scope';
import type { LookupResolver, PublishPorts, RemediationQueue } from '../app/ports';
import { type ChangeMessage, parseChangeMessage } from '../events/cloudtrail-event';
import { coalesce } from '../events/coalesce';
import type { OwnRole } from '../events/filters';
import { MalformedEventError } from '../events/malformed-event';
import { type HandlerBase, lazyHandler, makeLogger, requiredEnv, settingsFromEnv } from './runtime';

/** The CloudTrail change handler: SQS batches of EventBridge "AWS API Call via CloudTrail" events. */
export interface ChangeHandlerDeps extends HandlerBase {
  reader: ScopeReader;
  lookups: LookupResolver;
  /** Absent when settings.sinks.securityHub is false. */
  publish?: PublishPorts;
  remediation: RemediationQueue;
  ownRole: OwnRole;
}

/**
 * The batch is decided as a whole (coalescing needs every event at once), then reported per
 * message through Powertools' batch utility: a message fails when it is malformed or when the
 * work of a VPC it contributed to failed. A malformed message is reported as a batch item
 * failure rather than sent to the DLQ by hand: SQS's redrive moves it after maxReceiveCount with
 * its body and attributes untouched and needs no extra permission; each retry costs one parse.
 */
export function makeHandler(deps: ChangeHandlerDeps) {
  const { logger } = deps;
  const processor = new BatchProcessor(EventType.SQS);
  return middy(async (event: SQSEvent, context: Context) => {
    const failed = new Map<string, Error>();
    const messages: ChangeMessage[] = [];
    for (const record of event.Records) {
      try {
        messages.push(parseChangeMessage(record));
      } catch (err) {
        if (!(err instanceof MalformedEventError)) throw err;
        logger.error('malformed message, left to the dead-letter queue', { messageId: record.messageId, reason: err.message });
        failed.set(record.messageId, err);
      }
    }
    const work = coalesce(messages, { ownRole: deps.ownRole });
    const eventIdOf = new Map(messages.map((m) => [m.messageId, m.event.detail.eventID]));
    for (const s of work.skipped) logger.info('event skipped', { messageId: s.messageId, eventId: eventIdOf.get(s.messageId), reason: s.reason });
    for (const vpc of work.vpcs) {
      const log = logger.createChild();
      log.appendKeys({ vpcId: vpc.vpcId ?? 'unknown', messageIds: vpc.messageIds, eventIds: vpc.messageIds.map((id) => eventIdOf.get(id)) });
      try {
        const result = await auditChanges(vpc, { ...deps, now: deps.now?.() ?? new Date() });
        log.info('change evaluated', { resources: vpc.resources.map((r) => r.id), ...result });
      } catch (err) {
        // Throttling past the retries, a DeliveryError: the messages come back, then reach the DLQ.
        log.error('change not evaluated; its messages will be retried', { error: (err as Error).message });
        for (const id of vpc.messageIds) failed.set(id, err as Error);
      }
    }
    return processPartialResponse(event, (record: SQSRecord) => {
      const err = failed.get(record.messageId);
      if (err) throw err;
    }, processor, { context, throwOnFullBatchFailure: false });
  }).use(injectLambdaContext(logger, { resetKeys: true }));
}

/**
 * The real deps, from the environment: VPC_AUDITOR_SETTINGS, FINDING_STATE_TABLE (when the
 * Security Hub sink is on), REMEDIATION_QUEUE_URL, REMEDIATION_ROLE_ARN (its calls are skipped).
 */
export function depsFromEnv(env: Record<string, string | undefined> = process.env): ChangeHandlerDeps {
  const settings = settingsFromEnv(env);
  return {
    ...ec2Adapters(settings.collectConcurrency),
    publish: settings.sinks.securityHub ? securityHubPorts(requiredEnv(env, 'FINDING_STATE_TABLE')) : undefined,
    remediation: remediationQueueAt(requiredEnv(env, 'REMEDIATION_QUEUE_URL')),
    ownRole: { arn: env.REMEDIATION_ROLE_ARN },
    settings,
    logger: makeLogger('vpc-auditor-change'),
  };
}

export const handler = lazyHandler(() => makeHandler(depsFromEnv()));
