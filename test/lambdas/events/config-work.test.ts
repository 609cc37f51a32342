import { describe, expect, it } from 'vitest';
import { parseConfigRuleEvent } from '../../../lambdas/events/config-event';
import { configWork, ruleOfConfigRuleName } from '../../../lambdas/events/config-work';
import { MalformedEventError } from '../../../lambdas/events/malformed-event';
import type { AnyRule } from '../../../rules/engine/rule';
import { copy, fixture } from './fixtures';

type Raw = Record<string, unknown> & { invokingEvent: string };

/** A fixture invoking the stack's Config rule for `ruleId`, with changes to its configuration item. */
function invocation(file: string, ruleId: string, item: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const raw = copy(fixture<Raw>(file));
  const invoking = JSON.parse(raw.invokingEvent);
  const key = 'configurationItem' in invoking ? 'configurationItem' : 'configurationItemSummary';
  if (invoking[key]) Object.assign(invoking[key], item);
  return parseConfigRuleEvent({ ...raw, ...extra, invokingEvent: JSON.stringify(invoking), configRuleName: `vpc-auditor-${ruleId}` });
}

const SG_CHANGE = 'config-change-security-group.custodian.json';

describe('configWork', () => {
  it('evaluates the changed resource, ordered by its capture time', () => {
    // Arrange
    const event = invocation(SG_CHANGE, 'sg-no-public-admin-ports');
    // Act
    const work = configWork(event);
    // Assert
    expect(work).toEqual({
      action: 'evaluate-resource',
      ruleId: 'sg-no-public-admin-ports',
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceKind: 'SecurityGroup',
      resourceId: 'sg-e2fb6999',
      region: 'eu-west-1',
      orderingTimestamp: '2017-11-27T14:26:11.300Z',
    });
  });

  it('evaluates an oversized change from its summary', () => {
    const work = configWork(invocation('config-oversized.aws-docs.json', 'sg-attached', { resourceType: 'AWS::EC2::NetworkInterface', resourceId: 'eni-1' }));
    expect(work).toMatchObject({ action: 'evaluate-resource', ruleId: 'sg-attached', resourceKind: 'NetworkInterface', resourceId: 'eni-1', region: 'us-west-2', orderingTimestamp: '2016-10-06T16:46:16.261Z' });
  });

  it.each([
    ['ResourceDeleted', 'the resource was deleted'],
    ['ResourceDeletedNotRecorded', 'the resource was deleted and is no longer recorded'],
    ['ResourceNotRecorded', 'AWS Config no longer records the resource'],
  ])('answers NOT_APPLICABLE for a %s item without reading', (status, reason) => {
    const work = configWork(invocation(SG_CHANGE, 'sg-default-closed', { configurationItemStatus: status }));
    expect(work).toMatchObject({ action: 'not-applicable', reason, resourceId: 'sg-e2fb6999', orderingTimestamp: '2017-11-27T14:26:11.300Z' });
  });

  it('answers NOT_APPLICABLE when the resource left the rule’s scope', () => {
    const work = configWork(invocation(SG_CHANGE, 'sg-default-closed', {}, { eventLeftScope: true }));
    expect(work).toMatchObject({ action: 'not-applicable', reason: 'the resource left the rule’s scope' });
  });

  it('evaluates every resource of the rule’s kind in the rule’s region on a schedule', () => {
    const work = configWork(invocation('config-scheduled.aws-docs.json', 'vpn-tunnels-up'));
    expect(work).toEqual({ action: 'evaluate-kind', ruleId: 'vpn-tunnels-up', resourceKind: 'VpnConnection', region: 'us-east-2', orderingTimestamp: '2016-07-13T21:50:00.373Z' });
  });

  it('leaves the region to the function when a scheduled invocation has no rule ARN', () => {
    const work = configWork(invocation('config-scheduled.aws-docs.json', 'vpn-tunnels-up', {}, { configRuleArn: undefined }));
    expect(work).toMatchObject({ action: 'evaluate-kind', region: undefined });
  });
});

describe('ruleOfConfigRuleName', () => {
  it('finds the rule whose id ends the name, the longest when several fit', () => {
    expect(ruleOfConfigRuleName('vpc-auditor-nacl-no-public-admin-ports').meta.id).toBe('nacl-no-public-admin-ports');
    expect(ruleOfConfigRuleName('sg-no-public-admin-ports').meta.id).toBe('sg-no-public-admin-ports');
    const rules = [{ meta: { id: 'tunnels-up' } }, { meta: { id: 'vpn-tunnels-up' } }] as unknown as AnyRule[];
    expect(ruleOfConfigRuleName('vpc-auditor-vpn-tunnels-up', rules).meta.id).toBe('vpn-tunnels-up');
    expect(ruleOfConfigRuleName('vpc-auditor-vpn-tunnels-up', [...rules].reverse()).meta.id).toBe('vpn-tunnels-up');
  });

  it('throws MalformedEventError naming configRuleName when no rule fits', () => {
    expect(() => ruleOfConfigRuleName('change-triggered-config-rule')).toThrow(MalformedEventError);
    expect(() => ruleOfConfigRuleName('x-public-admin-ports')).toThrow('configRuleName: "x-public-admin-ports" does not end in the id of a catalog rule');
  });
});
