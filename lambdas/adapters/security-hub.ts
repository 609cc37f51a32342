import { type AwsSecurityFinding, BatchImportFindingsCommand, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { AsffFinding, FindingImporter } from '../app/ports';
import { type RetryOptions, sendInChunks } from './retry-batch';

/** BatchImportFindings takes at most 100 findings a request. */
export const FINDINGS_PER_IMPORT = 100;

/**
 * Security Hub as the publish use-case's FindingImporter. Findings Security Hub lists in
 * FailedFindings, and whole requests that are throttled, are retried (see sendInChunks), except
 * those whose ErrorCode says the finding itself is refused (REFUSED): they fail at once. The rest
 * is thrown as a DeliveryError with each Id's ErrorCode and ErrorMessage.
 * The client is the caller's (built once per container, never here at import time).
 */
export function securityHubImporter(client: SecurityHubClient, retry: RetryOptions = {}): FindingImporter {
  return {
    async importFindings(findings) {
      await sendInChunks('Security Hub', findings, FINDINGS_PER_IMPORT, idOf, async (chunk) => {
        // rules/report/asff.ts builds this exact shape; rules/ may not import the SDK's types.
        const out = await client.send(new BatchImportFindingsCommand({ Findings: chunk as unknown as AwsSecurityFinding[] }));
        const failed = new Map((out.FailedFindings ?? []).map((f) => [f.Id, f]));
        return chunk.flatMap((item) => {
          const f = failed.get(idOf(item));
          return f ? [{ item, code: f.ErrorCode ?? 'Unknown', message: f.ErrorMessage ?? '', final: REFUSED.has(f.ErrorCode ?? '') }] : [];
        });
      }, retry);
    },
  };
}

const idOf = (f: AsffFinding) => String(f.Id);

/**
 * FailedFindings ErrorCodes about the finding itself, which no later send of the same finding can
 * fix. AWS documents no list of codes; InvalidInput is what it returns for a finding outside the
 * ASFF schema or its limits (a field too long, a finding over 240 KB), the others name a finding
 * the caller may not import. Any other code (throttling, an internal error, one not seen before)
 * is retried: when unsure, retry.
 */
const REFUSED = new Set(['InvalidInput', 'InvalidInputException', 'InvalidAccessException', 'AccessDeniedException']);
