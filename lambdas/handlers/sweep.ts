import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { ec2Adapters, securityHubPorts } from '../adapters/runtime-clients';
import type { ScopeReader } from '../app/audit-scope';
import type { PublishPorts } from '../app/ports';
import { sweepRegion } from '../app/sweep-region';
import { type HandlerBase, lazyHandler, logFailure, makeLogger, requiredEnv, settingsFromEnv } from './runtime';

/** The scheduled sweep (EventBridge Scheduler, settings.sweepSchedule): the whole region. */
export interface SweepHandlerDeps extends HandlerBase {
  reader: ScopeReader;
  /** Absent when settings.sinks.securityHub is false. */
  publish?: PublishPorts;
}

/**
 * The schedule's input is not read: every run sweeps the function's region. A failure throws,
 * so the schedule's retry policy and the function's dead-letter queue keep the invocation.
 */
export function makeHandler(deps: SweepHandlerDeps) {
  const { logger } = deps;
  return middy(async (_event: unknown) => {
    const result = await sweepRegion({ ...deps, now: deps.now?.() ?? new Date() });
    for (const w of result.warnings) logger.warn('a list could not be read; its rules are not reconciled', { call: w.call, reason: w.error });
    const { warnings: _w, ...counts } = result;
    logger.info('sweep done', counts);
    return counts;
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logFailure(logger, 'sweep failed; the schedule retries it, then the dead-letter queue keeps it'));
}

/** The real deps, from the environment: VPC_AUDITOR_SETTINGS, FINDING_STATE_TABLE (when the Security Hub sink is on). */
export function depsFromEnv(env: Record<string, string | undefined> = process.env): SweepHandlerDeps {
  const settings = settingsFromEnv(env);
  return {
    reader: ec2Adapters(settings.collectConcurrency).reader,
    publish: settings.sinks.securityHub ? securityHubPorts(requiredEnv(env, 'FINDING_STATE_TABLE')) : undefined,
    settings,
    logger: makeLogger('vpc-auditor-sweep'),
  };
}

export const handler = lazyHandler(() => makeHandler(depsFromEnv()));
