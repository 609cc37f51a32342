import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import type { CollectClients } from './collect';

export interface ClientOptions {
  /** Absent: the usual AWS chain (AWS_REGION, the profile's region). */
  region?: string;
  /** Absent: AWS_PROFILE or the default chain. */
  profile?: string;
}

/**
 * Adaptive retry, for every client the runtime builds: the SDK retries throttling and transient
 * faults with backoff and slows its own request rate when a service throttles, which matters
 * with several calls in flight.
 */
export const SDK_RETRY = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/**
 * The collector's clients, built once per process (or Lambda container), with SDK_RETRY. The
 * endpoint comes the SDK's way (AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_EC2), which is how tests
 * point it at moto.
 */
export function makeCollectClients(options: ClientOptions = {}): CollectClients {
  const config = {
    ...SDK_RETRY,
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  return { ec2: new EC2Client(config), sts: new STSClient(config) };
}
