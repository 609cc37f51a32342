import type { z } from 'zod';
import { InputError } from './errors';
import { checkSnapshot } from './snapshot-checks';
import { type Snapshot, SnapshotSchema } from './snapshot-schema';
import { snapshotValidator } from './snapshot-validator';

/**
 * Validates a parsed JSON value as a snapshot; throws InputError naming the first bad path.
 *
 * The zod schema is the one definition of a valid snapshot. zod is too slow to walk a 90 MB
 * inventory (about 600 ms for 10k groups, against 50-120 ms here), so the same schema, exported
 * as JSON Schema, is compiled with ajv (snapshot-validator.ts) and decides the common case: ajv
 * accepting means zod accepts (the schema has no refinements, only what JSON Schema carries; a
 * property test checks the two agree). When ajv rejects, zod runs and has the final word, and
 * its first issue becomes the one-line error.
 */
export function parseSnapshot(value: unknown, source = 'snapshot'): Snapshot {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${source}: expected a JSON object with keys such as SecurityGroups and NetworkAcls`);
  }
  // The schema has no defaults or transforms, so the accepted input is the snapshot itself.
  const snapshot = snapshotValidator()(value) ? (value as Snapshot) : zodParse(value, source);
  // What JSON Schema cannot say (an empty port range, one id twice) is checked on its own.
  checkSnapshot(snapshot, source);
  return snapshot;
}

function zodParse(value: unknown, source: string): Snapshot {
  const result = SnapshotSchema.safeParse(value);
  if (!result.success) throw new InputError(`${source}: ${describeIssue(result.error.issues[0])}`);
  return result.data;
}

/** Formats a zod issue as `Key[3].Field: expected array, received object`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  let path = '';
  for (const part of issue.path) {
    path += typeof part === 'number' ? `[${part}]` : path === '' ? String(part) : `.${String(part)}`;
  }
  const message = issue.message.replace(/^Invalid (input|option): /, '');
  return path ? `${path}: ${message}` : message;
}
