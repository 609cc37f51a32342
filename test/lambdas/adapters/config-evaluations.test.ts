import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { configEvaluationSink } from '../../../lambdas/adapters/config-evaluations';
import { publishToConfig } from '../../../lambdas/app/publish-config';
import { DeliveryError } from '../../../lambdas/app/ports';
import { finding, findings } from '../fakes';
import { instantRetry, sdkError } from './retry-fixtures';

const config = mockClient(ConfigServiceClient);
const calls = () => config.commandCalls(PutEvaluationsCommand).map((c) => c.args[0].input);
const INVOCATION = { resultToken: 'token-from-the-event', orderingTimestamp: new Date('2026-11-22T11:58:03.000Z') };

beforeEach(() => {
  config.reset();
});

describe('AWS Config evaluation sink', () => {
  it('sends at most 100 evaluations a call, each with the result token, TestMode and the ordering timestamp', async () => {
    config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
    const sink = configEvaluationSink(new ConfigServiceClient({}), { testMode: false, retry: instantRetry() });
    await publishToConfig(findings(230), INVOCATION, sink);
    expect(calls().map((c) => c.Evaluations?.length)).toEqual([100, 100, 30]);
    expect(calls().every((c) => c.ResultToken === 'token-from-the-event' && c.TestMode === false)).toBe(true);
    expect(calls()[0].Evaluations?.[0]).toEqual({
      ComplianceResourceType: 'AWS::EC2::SecurityGroup',
      ComplianceResourceId: 'sg-0',
      ComplianceType: 'NON_COMPLIANT',
      Annotation: 'sg-0 allows tcp 22 from 0.0.0.0/0.',
      OrderingTimestamp: INVOCATION.orderingTimestamp,
    });
  });

  it('passes testMode through (moto accepts only TestMode true)', async () => {
    config.on(PutEvaluationsCommand).resolves({});
    await configEvaluationSink(new ConfigServiceClient({}), { testMode: true }).putEvaluations([], 'tok');
    await publishToConfig([finding(1)], INVOCATION, configEvaluationSink(new ConfigServiceClient({}), { testMode: true }));
    expect(calls().map((c) => c.TestMode)).toEqual([true]);
  });

  it('clips a long annotation to 256 characters', async () => {
    config.on(PutEvaluationsCommand).resolves({});
    await publishToConfig([finding(1, { message: 'y'.repeat(600) })], INVOCATION, configEvaluationSink(new ConfigServiceClient({}), { testMode: false }));
    expect(calls()[0].Evaluations?.[0].Annotation).toHaveLength(256);
  });

  it('retries FailedEvaluations and throttling, then names what still failed', async () => {
    config
      .on(PutEvaluationsCommand)
      .rejectsOnce(sdkError('ThrottlingException', 400, 'Rate exceeded'))
      .callsFake(({ Evaluations }) => ({ FailedEvaluations: Evaluations.filter((e: { ComplianceResourceId: string }) => e.ComplianceResourceId === 'sg-1') }));
    const retry = instantRetry();
    const error = await publishToConfig(findings(3), INVOCATION, configEvaluationSink(new ConfigServiceClient({}), { testMode: false, retry })).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.failures).toEqual([{ id: 'AWS::EC2::SecurityGroup/sg-1', code: 'FailedEvaluation', message: 'listed in FailedEvaluations' }]);
    expect(calls().map((c) => c.Evaluations?.map((e) => e.ComplianceResourceId))).toEqual([
      ['sg-0', 'sg-1', 'sg-2'],
      ['sg-0', 'sg-1', 'sg-2'],
      ['sg-1'],
      ['sg-1'],
      ['sg-1'],
    ]);
  });

  it('does not retry a rejected result token', async () => {
    config.on(PutEvaluationsCommand).rejects(sdkError('InvalidResultTokenException', 400, 'The result token is invalid'));
    const error = await publishToConfig(findings(2), INVOCATION, configEvaluationSink(new ConfigServiceClient({}), { testMode: false, retry: instantRetry() })).catch((e) => e);
    expect(calls()).toHaveLength(1);
    expect(error.message).toMatch(/^AWS Config did not accept 2 item\(s\): AWS::EC2::SecurityGroup\/sg-0 \(InvalidResultTokenException: The result token is invalid\)/);
  });
});
