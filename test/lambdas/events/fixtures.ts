import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedEventError } from '../../../lambdas/events/malformed-event';

/** A JSON fixture of test/fixtures/events (sources in its README.md). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/events', name), 'utf8')) as T;
}

/** A copy of a JSON value, to change without touching the fixture. */
export const copy = <T>(value: T): T => structuredClone(value);

/** The MalformedEventError `f` throws; fails the test when it throws nothing or something else. */
export function malformed(f: () => unknown): MalformedEventError {
  try {
    f();
  } catch (error) {
    if (error instanceof MalformedEventError) return error;
    throw error;
  }
  throw new Error('expected a MalformedEventError');
}
