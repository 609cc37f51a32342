import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON fixture of test/fixtures/events (sources in its README.md). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/events', name), 'utf8')) as T;
}

/** A copy of a JSON value, to change without touching the fixture. */
export const copy = <T>(value: T): T => structuredClone(value);
