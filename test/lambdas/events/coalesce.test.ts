import { describe, expect, it } from 'vitest';
import { type ChangeMessage, parseCloudTrailEvent } from '../../../lambdas/events/cloudtrail-event';
import { coalesce, messagesOf } from '../../../lambdas/events/coalesce';
import { copy, fixture } from './fixtures';

const AUTHORIZE = parseCloudTrailEvent(fixture('cloudtrail-authorize-sg-ingress.eventbridge.json'));
const CALLS = fixture<Record<string, { requestParameters: unknown; responseElements: unknown }>>('cloudtrail-ec2-calls.json');
const OWN = { namePrefix: 'VpcAuditor-Remediate' };

/** The fixture event as another call: `eventName` with its shape from cloudtrail-ec2-calls.json, or the fixture's with another group. */
function message(messageId: string, change: { groupId?: string; eventName?: string; errorCode?: string }): ChangeMessage {
  const event = copy(AUTHORIZE);
  const { detail } = event;
  if (change.eventName) Object.assign(detail, { eventName: change.eventName }, copy(CALLS[change.eventName]));
  if (change.groupId) {
    detail.requestParameters = { ...detail.requestParameters, groupId: change.groupId };
    detail.responseElements = { securityGroupRuleSet: { items: [{ groupId: change.groupId }] } };
  }
  if (change.errorCode) Object.assign(detail, { errorCode: change.errorCode, responseElements: null });
  return { messageId, event };
}

/** 100 AuthorizeSecurityGroupIngress events spread over 10 groups: m0 and m10, m20 … touch sg-0. */
const hundredEvents = () => Array.from({ length: 100 }, (_, i) => message(`m${i}`, { groupId: `sg-${i % 10}` }));

describe('coalesce', () => {
  it('turns 100 events on 10 groups of one VPC into 10 groups and 1 VPC context', () => {
    // Arrange: the events do not name the VPC; the groups' VPC is known (e.g. from one DescribeSecurityGroups)
    const vpcOf = new Map(Array.from({ length: 10 }, (_, i) => [`sg-${i}`, 'vpc-1']));
    // Act
    const work = coalesce(hundredEvents(), { ownRole: OWN, vpcOf });
    // Assert
    expect(work.vpcs.map((v) => v.vpcId)).toEqual(['vpc-1']);
    expect(work.vpcs[0].resources.map((r) => `${r.kind} ${r.id}`)).toEqual(Array.from({ length: 10 }, (_, i) => `SecurityGroup sg-${i}`));
    expect(work.vpcs[0].resources[0].messageIds).toEqual(Array.from({ length: 10 }, (_, i) => `m${i * 10}`));
    expect(work.vpcs[0].messageIds).toHaveLength(100);
    expect(work.skipped).toEqual([]);
  });

  it('places groups by the VPC another event of the batch names (CreateSecurityGroup names its VPC)', () => {
    const created = message('create', { eventName: 'CreateSecurityGroup' }); // creates sg-0new in vpc-0a
    const authorized = message('auth', { groupId: 'sg-0new' });
    const work = coalesce([authorized, created], { ownRole: OWN });
    expect(work.vpcs.map((v) => [v.vpcId, v.resources.map((r) => r.id), v.messageIds.sort()])).toEqual([['vpc-0a', ['sg-0new'], ['auth', 'create']]]);
  });

  it('leaves resources of unknown VPC in one bucket, so the handler places them with one Describe per kind', () => {
    const work = coalesce(hundredEvents(), { ownRole: OWN });
    expect(work.vpcs).toHaveLength(1);
    expect(work.vpcs[0].vpcId).toBeUndefined();
    expect(work.vpcs[0].resources).toHaveLength(10);
  });

  it('skips failed calls and the remediation role’s calls, each with its reason', () => {
    const own = message('own', { groupId: 'sg-9' });
    own.event.detail.userIdentity = { type: 'AssumedRole', arn: 'arn:aws:sts::215125613612:assumed-role/VpcAuditor-RemediateRole/s' };
    const work = coalesce([message('ok', { groupId: 'sg-1' }), message('failed', { groupId: 'sg-2', errorCode: 'Client.InvalidGroup.NotFound' }), own], { ownRole: OWN });
    expect(work.skipped.map((s) => s.messageId)).toEqual(['failed', 'own']);
    expect(work.skipped[0].reason).toMatch(/Client\.InvalidGroup\.NotFound/);
    expect(work.skipped[1].reason).toMatch(/remediation role/);
    expect(work.vpcs.flatMap((v) => v.resources.map((r) => r.id))).toEqual(['sg-1']);
  });

  it('skips an event name no resolver knows, saying so', () => {
    const other = message('other', {});
    other.event.detail.eventName = 'DescribeInstances';
    expect(coalesce([other], { ownRole: OWN }).skipped).toEqual([{ messageId: 'other', reason: 'no resolver for DescribeInstances' }]);
  });

  it('skips, with its reason, an event that names nothing the catalog evaluates (CreateTags on an instance), instead of dropping it with no log line', () => {
    // Arrange
    const tagged = message('tag', {});
    Object.assign(tagged.event.detail, { eventName: 'CreateTags', requestParameters: { resourcesSet: { items: [{ resourceId: 'i-0abc' }] }, tagSet: {} }, responseElements: { _return: true } });

    // Act
    const work = coalesce([tagged], { ownRole: OWN });

    // Assert
    expect(work.vpcs).toEqual([]);
    expect(work.skipped).toEqual([{ messageId: 'tag', reason: 'CreateTags names no resource, VPC or group name that vpc-auditor evaluates' }]);
  });

  it('deduplicates lookups and sweeps, keeping every message behind them', () => {
    const batch = [message('a', { eventName: 'TerminateInstances' }), message('b', { eventName: 'TerminateInstances' }), message('c', { eventName: 'DeleteNetworkInterface' })];
    const [vpc] = coalesce(batch, { ownRole: OWN }).vpcs;
    expect(vpc.lookups.map((l) => [l.filter, l.messageIds])).toEqual([
      ['attachment.instance-id', ['a', 'b']],
      ['route.instance-id', ['a', 'b']],
      ['route.network-interface-id', ['c']],
    ]);
    expect(vpc.sweeps).toEqual([{ kind: 'SecurityGroup', reasons: ['the groups the interface used before are not named'], messageIds: ['a', 'b', 'c'] }]);
  });

  it('puts an event’s lookups and sweeps in the VPC of its resources when it names no VPC', () => {
    const work = coalesce([message('gone', { eventName: 'DeleteNetworkInterface' })], { ownRole: OWN, vpcOf: new Map([['eni-0a', 'vpc-1']]) });
    expect(work.vpcs.map((v) => [v.vpcId, v.resources.length, v.lookups.length, v.sweeps.length])).toEqual([['vpc-1', 1, 1, 1]]);
  });

  it('maps failed work back to the messages that asked for it (partial-batch failure)', () => {
    const work = coalesce(hundredEvents(), { ownRole: OWN });
    const failed = work.vpcs[0].resources.filter((r) => r.id === 'sg-3' || r.id === 'sg-7');
    expect(messagesOf(failed).sort()).toEqual(['m13', 'm17', 'm23', 'm27', 'm3', 'm33', 'm37', 'm43', 'm47', 'm53', 'm57', 'm63', 'm67', 'm7', 'm73', 'm77', 'm83', 'm87', 'm93', 'm97']);
  });
});
