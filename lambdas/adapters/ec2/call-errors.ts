/**
 * How a failed read call is classified (issue 11). The SDK has already retried throttling and
 * transient faults (adaptive retry mode) by the time an error reaches here.
 *
 * - `denied`: AccessDenied / UnauthorizedOperation. The account's policy withholds the call:
 *   its keys stay absent, the rules that need them report NOT_APPLICABLE, the run goes on.
 * - `not-implemented`: an HTTP 500 whose body is not an AWS error (no error code could be read
 *   from it). Real EC2 answers a 500 with a named code (InternalError), which is an outage and
 *   stops the run; an anonymous 500 is what an incomplete AWS-compatible endpoint (moto, for
 *   Client VPN) answers for an action it lacks. Treated like a denial: the keys stay absent.
 * - anything else is fatal: the run stops with exit 2 and one line.
 */
export type CallFailure = 'denied' | 'not-implemented';

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);

interface SdkError {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

export function classifyCallError(err: unknown): CallFailure | 'fatal' {
  const e = (err ?? {}) as SdkError;
  const code = e.Code ?? e.name;
  if (code && DENIED.has(code)) return 'denied';
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  // The SDK names an error it could not parse 'Unknown' (or leaves the generic 'Error').
  if (status === 500 && (!code || code === 'Unknown' || code === 'UnknownError' || code === 'Error')) return 'not-implemented';
  return 'fatal';
}

/**
 * EC2's answer for an id that names nothing (InvalidClientVpnEndpointId.NotFound,
 * InvalidPrefixListID.NotFound): for a per-item read, the item was deleted after it was listed.
 */
export function isNotFound(err: unknown): boolean {
  const e = (err ?? {}) as SdkError;
  return (e.Code ?? e.name ?? '').endsWith('.NotFound');
}

/** One short phrase for a warning or an error line: the code and the first line of the message. */
export function describeCallError(err: unknown): string {
  const e = (err ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const code = e.Code ?? e.name ?? 'Error';
  const message = (e.message ?? String(err)).split('\n')[0].slice(0, 200);
  return `${code}${status ? ` (HTTP ${status})` : ''}: ${message}`;
}
