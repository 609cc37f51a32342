import { type ConfigServiceClient, type Evaluation, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import type { ConfigEvaluationSink } from '../app/ports';
import { type RetryOptions, sendInChunks } from './retry-batch';

/** PutEvaluations takes at most 100 evaluations a request. */
export const EVALUATIONS_PER_CALL = 100;

export interface ConfigSinkOptions {
  /**
   * PutEvaluations' TestMode: true checks the request and stores nothing. AWS needs false for the
   * results to count; moto accepts only true.
   */
  testMode: boolean;
  retry?: RetryOptions;
}

/**
 * AWS Config as the sink of a custom rule's evaluations, for the invocation's result token.
 * FailedEvaluations (Config gives no reason for them, so no way to tell a hopeless one: all are
 * retried) and throttled calls are retried, then the
 * rest is thrown as a DeliveryError naming each "<ResourceType>/<ResourceId>".
 */
export function configEvaluationSink(client: ConfigServiceClient, options: ConfigSinkOptions): ConfigEvaluationSink {
  return {
    async putEvaluations(evaluations, resultToken) {
      const items: Evaluation[] = evaluations.map((e) => ({
        ComplianceResourceType: e.resourceType,
        ComplianceResourceId: e.resourceId,
        ComplianceType: e.complianceType,
        ...(e.annotation ? { Annotation: e.annotation } : {}),
        OrderingTimestamp: e.orderingTimestamp,
      }));
      await sendInChunks('AWS Config', items, EVALUATIONS_PER_CALL, idOf, async (chunk) => {
        const out = await client.send(new PutEvaluationsCommand({ Evaluations: chunk, ResultToken: resultToken, TestMode: options.testMode }));
        const failed = new Set((out.FailedEvaluations ?? []).map(idOf));
        return chunk.filter((e) => failed.has(idOf(e))).map((item) => ({ item, code: 'FailedEvaluation', message: 'listed in FailedEvaluations' }));
      }, options.retry);
    },
  };
}

const idOf = (e: Evaluation) => `${e.ComplianceResourceType}/${e.ComplianceResourceId}`;
