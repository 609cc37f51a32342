/** One request as it crossed the wire: `ec2:DescribeVpcs`, `securityhub:POST /findings/import`, `dynamodb:BatchGetItem`. */
export type WireCall = string;

export declare function countingProxy(
  target: string,
  options?: { delayMs?: number },
): Promise<{ url: string; calls: WireCall[]; readonly maxInFlight: number; close: () => Promise<void> }>;
