import { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { CATALOG } from '../../rules/catalog';
import { InputError } from '../../rules/engine/errors';
import type { AnyRule } from '../../rules/engine/rule';
import { parseSettings, type Settings } from '../../rules/engine/settings';

/** The one settings object (rules/engine/settings.ts), as JSON, in every handler's environment. */
export const SETTINGS_ENV = 'VPC_AUDITOR_SETTINGS';

type Env = Record<string, string | undefined>;

/** What every handler's deps hold besides its adapters. */
export interface HandlerBase {
  settings: Settings;
  logger: Logger;
  /** The clock (tests fix it); the engine never reads one itself. */
  now?: () => Date;
  /** The catalog unless a test narrows it. */
  rules?: readonly AnyRule[];
}

/** The settings the stack passed; absent = defaults. A bad value fails the container's first invocation with one line naming it. */
export function settingsFromEnv(env: Env): Settings {
  const text = env[SETTINGS_ENV];
  let value: unknown;
  try {
    value = text === undefined || text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new InputError(`${SETTINGS_ENV} is not valid JSON`);
  }
  return parseSettings(value, SETTINGS_ENV, CATALOG);
}

/** An environment variable the handler cannot run without. */
export function requiredEnv(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new InputError(`environment variable ${name} is not set`);
  return value;
}

/** Powertools Logger, structured JSON; POWERTOOLS_LOG_LEVEL sets the level. */
export const makeLogger = (serviceName: string) => new Logger({ serviceName });

/**
 * Logs the error an invocation ends with as one structured line carrying the keys appended so far
 * (rule, resource), before Lambda's retries and failure destination take over: without it the only
 * trace is the runtime's own line, which has none of them. `loggedAlready` skips errors logged
 * where they arose (a malformed event), so each failure is one line. Use it after
 * injectLambdaContext: middy runs onError in reverse order, so the keys are still there.
 */
export function logFailure(logger: Logger, message: string, loggedAlready: (error: unknown) => boolean = () => false): MiddlewareObj {
  return {
    onError: async (request) => {
      if (!loggedAlready(request.error)) logger.error(message, request.error as Error);
    },
  };
}

/**
 * The Lambda entry: builds the handler (clients, middleware) on the first invocation of the
 * container and reuses it after. Nothing is built at import time, so a module loads with no
 * environment at all (and a cold start pays only for what it uses).
 */
export function lazyHandler<E, R>(build: () => (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  let built: ((event: E, context: Context) => Promise<R>) | undefined;
  // async: a build that throws (bad settings) rejects the invocation like any other failure.
  return async (event, context) => {
    built ??= build();
    return built(event, context);
  };
}
