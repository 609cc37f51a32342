import { SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import type { Finding, Status } from '../../rules/engine/types';
import { clip } from '../../rules/report/asff';
import type { ConfigComplianceType, ConfigEvaluation, ConfigEvaluationSink } from './ports';

/** PutEvaluations rejects a longer Annotation. */
export const ANNOTATION_MAX = 256;

/**
 * Config accepts only COMPLIANT, NON_COMPLIANT and NOT_APPLICABLE from a custom rule (it rejects
 * INSUFFICIENT_DATA in PutEvaluations). An ERROR (the rule threw) is neither a pass nor a
 * failure, so it goes out NOT_APPLICABLE with an annotation saying the evaluation failed.
 */
const COMPLIANCE_TYPE: Record<Status, ConfigComplianceType> = {
  PASS: 'COMPLIANT',
  FAIL: 'NON_COMPLIANT',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  ERROR: 'NOT_APPLICABLE',
};

/** The evaluations of one Config rule invocation; snapshot-wide findings name no resource and are left out. */
export function toEvaluations(findings: readonly Finding[], orderingTimestamp: Date): ConfigEvaluation[] {
  return findings
    .filter((f) => f.resourceId !== SNAPSHOT_RESOURCE_ID)
    .map((f) => ({
      resourceType: f.resourceType,
      resourceId: f.resourceId,
      complianceType: COMPLIANCE_TYPE[f.status],
      annotation: clip(f.status === 'ERROR' ? `Evaluation failed: ${f.message}` : f.message, ANNOTATION_MAX),
      orderingTimestamp,
    }));
}

/** Sends the findings of a Config rule invocation as its evaluations (the sink batches them by 100). */
export async function publishToConfig(
  findings: readonly Finding[],
  invocation: { resultToken: string; orderingTimestamp: Date },
  sink: ConfigEvaluationSink,
): Promise<{ sent: number }> {
  const evaluations = toEvaluations(findings, invocation.orderingTimestamp);
  await sink.putEvaluations(evaluations, invocation.resultToken);
  return { sent: evaluations.length };
}
