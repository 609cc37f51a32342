import { describe, expect, it } from 'vitest';
import { parseConfigRuleEvent } from '../../../lambdas/events/config-event';
import { copy, fixture, malformed } from './fixtures';

describe('parseConfigRuleEvent', () => {
  it('decodes a change notification (AWS docs example) with its rule parameters', () => {
    // Arrange
    const raw = fixture('config-change.aws-docs.json');
    // Act
    const event = parseConfigRuleEvent(raw);
    // Assert
    expect(event.invokingEvent).toMatchObject({
      messageType: 'ConfigurationItemChangeNotification',
      configurationItem: { resourceType: 'AWS::EC2::Instance', resourceId: 'i-00000000', configurationItemStatus: 'OK', awsRegion: 'us-east-2' },
    });
    expect(event.ruleParameters).toEqual({ myParameterKey: 'myParameterValue' });
    expect(event).toMatchObject({ resultToken: 'myResultToken', eventLeftScope: false, configRuleName: 'change-triggered-config-rule' });
  });

  it('decodes Cloud Custodian’s security-group change event (ResourceDiscovered, no ruleParameters)', () => {
    const event = parseConfigRuleEvent(fixture('config-change-security-group.custodian.json'));
    expect(event.invokingEvent).toMatchObject({
      configurationItem: { resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-e2fb6999', configurationItemStatus: 'ResourceDiscovered' },
    });
    expect(event.ruleParameters).toEqual({});
  });

  it('decodes an oversized change notification from its summary', () => {
    const event = parseConfigRuleEvent(fixture('config-oversized.aws-docs.json'));
    expect(event.invokingEvent).toMatchObject({
      messageType: 'OversizedConfigurationItemChangeNotification',
      configurationItemSummary: { resourceId: 'i-00000000', configurationItemCaptureTime: '2016-10-06T16:46:16.261Z' },
    });
  });

  it('decodes a scheduled notification', () => {
    const event = parseConfigRuleEvent(fixture('config-scheduled.aws-docs.json'));
    expect(event.invokingEvent).toEqual({
      awsAccountId: '123456789012',
      notificationCreationTime: '2016-07-13T21:50:00.373Z',
      messageType: 'ScheduledNotification',
      recordVersion: '1.0',
    });
  });

  it('takes an empty ruleParameters string (rdk’s template) as no parameters', () => {
    const raw = { ...fixture('config-change.aws-docs.json'), ruleParameters: '' };
    expect(parseConfigRuleEvent(raw).ruleParameters).toEqual({});
  });

  it.each([
    ['invokingEvent is not JSON', { invokingEvent: '{"configurationItem":' }, /^invokingEvent: not valid JSON/],
    ['ruleParameters is not JSON', { ruleParameters: '{oops}' }, /^ruleParameters: not valid JSON/],
    ['ruleParameters is an array', { ruleParameters: '[1]' }, /^ruleParameters: expected a JSON object$/],
    ['resultToken is missing', { resultToken: undefined }, /^resultToken: expected string, received undefined$/],
    ['an unknown message type', { invokingEvent: '{"messageType":"ConfigurationSnapshotDeliveryCompleted"}' }, /^invokingEvent\.messageType: /],
  ])('throws MalformedEventError naming the path when %s', (_, change, message) => {
    const raw = { ...fixture('config-change.aws-docs.json'), ...change };
    const error = malformed(() => parseConfigRuleEvent(raw));
    expect(error.name).toBe('MalformedEventError');
    expect(error.message).toMatch(message);
  });

  it('names the missing field inside the decoded invokingEvent (rdk’s template has an empty item)', () => {
    const error = malformed(() => parseConfigRuleEvent(fixture('config-left-scope.rdk-template.json')));
    expect(error.path).toBe('invokingEvent.configurationItem.configurationItemStatus');
    expect(error.message).toMatch(/^invokingEvent\.configurationItem\.configurationItemStatus: expected one of "OK"\|/);
  });

  it('rejects an unknown item status, naming it', () => {
    const raw = copy(fixture('config-change.aws-docs.json'));
    raw.invokingEvent = (raw.invokingEvent as string).replace('"OK"', '"Deleted"');
    expect(malformed(() => parseConfigRuleEvent(raw)).path).toBe('invokingEvent.configurationItem.configurationItemStatus');
  });
});
