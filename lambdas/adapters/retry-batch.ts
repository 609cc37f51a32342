import { DeliveryError } from '../app/ports';

export interface RetryOptions {
  /** Sends per item, the first included. */
  attempts?: number;
  /** Backoff before retry n is random() * min(maxDelayMs, baseDelayMs * 2^(n-1)) ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected by tests so that backoff costs no wall time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** An item a call did not accept, with the service's reason. */
export interface Rejected<T> {
  item: T;
  code: string;
  message: string;
  /** The service says sending it again cannot succeed (a malformed item): it fails at once. */
  final?: boolean;
}

// Five sends of a chunk over about 1.5 s on average (3 s at most) before its items count as
// failed and SQS redelivers the message: long enough to ride out a throttling burst, short
// beside a Lambda's timeout (the SDK's own retries of a throttled call come on top).
const DEFAULTS = { attempts: 5, baseDelayMs: 200, maxDelayMs: 5_000 };
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Error names the SDKs give throttling and transient server faults, across the services used here.
const TRANSIENT = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'Throttling',
  'InternalException',
  'InternalServerError',
  'ServiceUnavailable',
]);

/** Throttled or a server fault: the same request may well succeed later. */
export function isTransient(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  const status = e?.$metadata?.httpStatusCode ?? 0;
  return TRANSIENT.has(e?.name ?? '') || status === 429 || status >= 500;
}

/**
 * Sends `items` in chunks of `chunkSize`, one call at a time. What a call rejects (or the whole
 * chunk, when the call is throttled) is sent again after a jittered, growing backoff, at most
 * `attempts` times in all; then the next chunk goes. An item rejected as `final` is not sent
 * again (five sends of a malformed finding only delay the error). What is still rejected at the
 * end is thrown as one DeliveryError naming every item, never dropped. An error that is not transient (access
 * denied, a malformed request) stops at once: that chunk and the ones after it are the failures.
 */
export async function sendInChunks<T>(
  service: string,
  items: readonly T[],
  chunkSize: number,
  idOf: (item: T) => string,
  send: (chunk: T[]) => Promise<Rejected<T>[]>,
  options: RetryOptions = {},
): Promise<void> {
  const { attempts, baseDelayMs, maxDelayMs } = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;
  const failures: Rejected<T>[] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    let pending = items.slice(start, start + chunkSize);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1) await sleep(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 2)));
      let rejected: Rejected<T>[];
      try {
        rejected = await send(pending);
      } catch (err) {
        const { name, message } = err instanceof Error ? err : { name: 'Error', message: String(err) };
        if (!isTransient(err)) {
          const unsent = [...pending, ...items.slice(start + chunkSize)].map((item) => ({ item, code: name, message }));
          throw deliveryError(service, [...failures, ...unsent], idOf, err);
        }
        rejected = pending.map((item) => ({ item, code: name, message }));
      }
      const retryable = rejected.filter((r) => !r.final);
      failures.push(...rejected.filter((r) => r.final));
      if (attempt >= attempts) {
        failures.push(...retryable);
        break;
      }
      pending = retryable.map((r) => r.item);
    }
  }
  if (failures.length > 0) throw deliveryError(service, failures, idOf);
}

function deliveryError<T>(service: string, rejected: Rejected<T>[], idOf: (item: T) => string, cause?: unknown): DeliveryError {
  return new DeliveryError(
    service,
    rejected.map((r) => ({ id: idOf(r.item), code: r.code, message: r.message })),
    cause === undefined ? undefined : { cause },
  );
}
