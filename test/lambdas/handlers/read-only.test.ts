import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { configEvaluationSink } from '../../../lambdas/adapters/config-evaluations';
import { remediationQueue } from '../../../lambdas/adapters/remediation-queue';
import { makeHandler as changeHandler } from '../../../lambdas/handlers/change';
import { makeHandler as configHandler } from '../../../lambdas/handlers/config-rule';
import { makeHandler as sweepHandler } from '../../../lambdas/handlers/sweep';
import { memoryPorts } from '../fakes';
import { mockAccount } from '../adapters/ec2/fake-account';
import { CONTEXT, changeRecord, common, configEvent, ec2Deps, quietLogger, sqsEvent } from './harness';

const READ = /^(Describe|Get|List)[A-Za-z]+Command$/;
const fake = mockAccount();
const config = mockClient(ConfigServiceClient);
const sqs = mockClient(SQSClient);
mockClient(SecurityHubClient);

afterEach(() => {
  fake.ec2.restore();
  fake.sts.restore();
});

describe('evaluator paths never mutate EC2', () => {
  it('config-rule (change, scheduled), change and sweep send only Describe/Get calls', async () => {
    // Arrange
    config.on(PutEvaluationsCommand).resolves({});
    sqs.on(SendMessageBatchCommand).resolves({ Failed: [] });
    const base = { ...common(), logger: quietLogger().logger };
    const sink = configEvaluationSink(new ConfigServiceClient({ region: 'eu-west-1' }), { testMode: false });
    const queue = remediationQueue(new SQSClient({ region: 'eu-west-1' }), 'https://sqs.eu-west-1.amazonaws.com/111122223333/remediation');
    const item = { resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-web', awsRegion: 'eu-west-1' };

    // Act
    await configHandler({ ...ec2Deps(), config: sink, ...base })(configEvent('config-change-security-group.custodian.json', 'sg-no-public-admin-ports', item), CONTEXT);
    await configHandler({ ...ec2Deps(), config: sink, ...base })(configEvent('config-scheduled.aws-docs.json', 'nacl-no-public-admin-ports'), CONTEXT);
    await changeHandler({ ...ec2Deps(), publish: memoryPorts(), remediation: queue, ownRole: {}, ...base })(sqsEvent(changeRecord('m1')), CONTEXT);
    await sweepHandler({ ...ec2Deps(), publish: memoryPorts(), ...base })({}, CONTEXT);

    // Assert
    const names = fake.ec2.calls().map((c) => (c.args[0] as object).constructor.name);
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((n) => !READ.test(n))).toEqual([]);
  });
});
