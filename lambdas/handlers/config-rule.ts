import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { CATALOG } from '../../rules/catalog';
import type { AnyRule } from '../../rules/engine/rule';
import { configSink, ec2Adapters } from '../adapters/runtime-clients';
import type { ScopeReader } from '../app/audit-scope';
import { evaluateForConfig } from '../app/evaluate-for-config';
import type { ConfigEvaluationSink } from '../app/ports';
import { parseConfigRuleEvent } from '../events/config-event';
import { configWork } from '../events/config-work';
import { MalformedEventError } from '../events/malformed-event';
import { type HandlerBase, lazyHandler, logFailure, makeLogger, settingsFromEnv } from './runtime';

/** The AWS Config custom-rule handler (one Config rule per enabled catalog rule, named after it). */
export interface ConfigRuleDeps extends HandlerBase {
  reader: ScopeReader;
  /** Absent when settings.sinks.config is false. */
  config?: ConfigEvaluationSink;
}

export function makeHandler(deps: ConfigRuleDeps) {
  const { logger } = deps;
  const rules = deps.rules ?? CATALOG;
  return middy(async (event: unknown) => {
    const parsed = parseOrLog(event, logger, rules);
    const { event: invocation, work } = parsed;
    logger.appendKeys({
      configRuleName: invocation.configRuleName,
      resource: work.action === 'evaluate-kind' ? `every ${work.resourceKind}` : `${work.resourceType}/${work.resourceId}`,
    });
    const { evaluations, warnings, incomplete } = await evaluateForConfig(work, { reader: deps.reader, settings: deps.settings, now: deps.now?.() ?? new Date(), rules });
    for (const w of warnings) logger.warn('a list could not be read; its resources get no evaluation', { call: w.call, reason: w.error });
    const sent = deps.config ? evaluations.length : 0;
    if (deps.config) {
      // Config's async invocation retries a thrown error, then the function's failure destination keeps the event.
      await deps.config.putEvaluations(evaluations, invocation.resultToken);
      logger.info('evaluations sent to AWS Config', { action: work.action, evaluations: evaluations.length });
    } else {
      logger.info('AWS Config sink is off (settings.sinks.config): evaluations not sent', { evaluations: evaluations.length });
    }
    // What could be evaluated is sent first; the invocation still fails, so it is retried and kept.
    if (incomplete) throw new UnreadResourcesError(warnings.map((w) => w.call));
    return { evaluations: evaluations.length, sent };
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logFailure(logger, 'invocation failed; AWS Config retries it, then the failure destination keeps it', (e) => e instanceof MalformedEventError));
}

/** A refused read left the resources the invocation is about without an evaluation. */
export class UnreadResourcesError extends Error {
  override name = 'UnreadResourcesError';
  constructor(readonly calls: readonly string[]) {
    super(`no evaluation for the invoked resources: the account refused ${[...new Set(calls)].join(', ')}`);
  }
}

/**
 * A malformed invocation is logged with its reason and thrown: Config invokes asynchronously, so
 * the function's own failure destination (its dead-letter queue) keeps the original event.
 */
function parseOrLog(event: unknown, logger: Logger, rules: readonly AnyRule[]) {
  try {
    const parsed = parseConfigRuleEvent(event);
    return { event: parsed, work: configWork(parsed, rules) };
  } catch (err) {
    if (err instanceof MalformedEventError) logger.error('malformed AWS Config rule invocation, left to the failure destination', { reason: err.message });
    throw err;
  }
}

/** The real deps, from the environment: VPC_AUDITOR_SETTINGS, CONFIG_TEST_MODE (moto). */
export function depsFromEnv(env: Record<string, string | undefined> = process.env): ConfigRuleDeps {
  const settings = settingsFromEnv(env);
  const { reader } = ec2Adapters(settings.collectConcurrency);
  return {
    reader,
    config: settings.sinks.config ? configSink(env.CONFIG_TEST_MODE === 'true') : undefined,
    settings,
    logger: makeLogger('vpc-auditor-config-rule'),
  };
}

export const handler = lazyHandler(() => makeHandler(depsFromEnv()));
