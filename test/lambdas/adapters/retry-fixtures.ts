import { vi } from 'vitest';
import type { RetryOptions } from '../../../lambdas/adapters/retry-batch';

/** Backoff that costs no wall time and records what it would have waited. */
export function instantRetry(random = () => 1): RetryOptions & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random, sleep: vi.fn(async (ms: number) => void waits.push(ms)) };
}

/** An error as the SDK throws it: a named service exception with its HTTP status. */
export function sdkError(name: string, httpStatusCode: number, message = `${name} from the service`): Error {
  return Object.assign(new Error(message), { name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode } });
}
