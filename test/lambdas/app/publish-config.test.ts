import { describe, expect, it } from 'vitest';
import { ANNOTATION_MAX, publishToConfig, toEvaluations } from '../../../lambdas/app/publish-config';
import type { ConfigEvaluation } from '../../../lambdas/app/ports';
import { NOW } from '../../helpers';
import { finding } from '../fakes';

describe('Config evaluations from findings', () => {
  it('maps PASS, FAIL, NOT_APPLICABLE and ERROR to what PutEvaluations accepts', () => {
    const evaluations = toEvaluations(
      [finding(1, { status: 'PASS' }), finding(2), finding(3, { status: 'NOT_APPLICABLE' }), finding(4, { status: 'ERROR', message: 'boom' })],
      NOW,
    );
    expect(evaluations.map((e) => e.complianceType)).toEqual(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'NOT_APPLICABLE']);
    expect(evaluations[3].annotation).toBe('Evaluation failed: boom');
    expect(evaluations[0]).toEqual({ resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1', complianceType: 'COMPLIANT', annotation: 'sg-1 allows tcp 22 from 0.0.0.0/0.', orderingTimestamp: NOW });
  });

  it('clips annotations to 256 characters', () => {
    const [e] = toEvaluations([finding(1, { message: 'x'.repeat(1000) })], NOW);
    expect(e.annotation).toHaveLength(ANNOTATION_MAX);
    expect(ANNOTATION_MAX).toBe(256);
    expect(e.annotation.endsWith('…')).toBe(true);
  });

  it('sends every finding but the snapshot-wide ones with the invocation token', async () => {
    const got: { evaluations: readonly ConfigEvaluation[]; token: string }[] = [];
    const sink = { putEvaluations: async (evaluations: readonly ConfigEvaluation[], token: string) => void got.push({ evaluations, token }) };
    const result = await publishToConfig([finding(1), finding(2, { resourceId: 'snapshot' })], { resultToken: 'tok', orderingTimestamp: NOW }, sink);
    expect(result).toEqual({ sent: 1 });
    expect(got).toEqual([{ evaluations: [expect.objectContaining({ resourceId: 'sg-1' })], token: 'tok' }]);
  });
});
