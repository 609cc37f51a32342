import type { z } from 'zod';
import { describeIssue } from '../../rules/engine/parse-snapshot';

/**
 * An event or message that does not have the shape AWS documents. The handler logs it with the
 * message id and lets it fail alone (so it reaches the dead-letter queue untouched); retrying it
 * cannot help. The message names the bad path, e.g. `body.detail.eventName: expected string`.
 */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
  constructor(
    /** Where in the event the problem is, `invokingEvent.configurationItem.resourceId`. */
    readonly path: string,
    problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
  }
}

/** Validates `value` with `schema`; the first issue becomes a MalformedEventError under `prefix`. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // describeIssue formats the path as the snapshot errors do (`Key[3].Field`); the problem alone
  // comes from the same issue with its path left out.
  const path = describeIssue({ ...issue, message: '' }).replace(/: $/, '');
  const problem = describeIssue({ ...issue, path: [] });
  throw new MalformedEventError(join(prefix, path), problem);
}

/** Parses a JSON string found at `path` (Config's invokingEvent, an SQS body). */
export function parseJsonAt(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text around the error, which may span lines: the log line stays one line.
    throw new MalformedEventError(path, `not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
}

function join(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
