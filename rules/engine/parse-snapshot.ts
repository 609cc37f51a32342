import type { z } from 'zod';
import { InputError } from './errors';
import { type Snapshot, SnapshotSchema } from './snapshot-schema';

/** Validates a parsed JSON value as a snapshot; throws InputError naming the first bad path. */
export function parseSnapshot(value: unknown, source = 'snapshot'): Snapshot {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${source}: expected a JSON object with keys such as SecurityGroups and NetworkAcls`);
  }
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
  const message = issue.message.replace(/^Invalid input: /, '');
  return path ? `${path}: ${message}` : message;
}
