import { describe, expect, it } from 'vitest';
import { topValuesOf, valuesOf } from '../../../lambdas/events/event-fields';

describe('valuesOf', () => {
  it('reads a key in both CloudTrail styles: flat lowerCamel and wrapped PascalCase', () => {
    expect(valuesOf({ natGatewayId: 'nat-1' }, ['natGatewayId'])).toEqual(['nat-1']);
    expect(valuesOf({ DeleteNatGatewayRequest: { NatGatewayId: 'nat-2' } }, ['natGatewayId'])).toEqual(['nat-2']);
  });

  it('reads lists as items, arrays and { content, tag } items, deduplicated in order', () => {
    const request = {
      resourcesSet: { items: [{ resourceId: 'sg-1' }, { resourceId: 'sg-2' }] },
      Wrapped: { ResourceId: [{ content: 'vpc-1', tag: 1 }, { content: 'sg-1', tag: 2 }] },
      single: { resourceId: { content: 'vpc-2', tag: 1 } },
    };
    expect(valuesOf(request, ['resourceId'])).toEqual(['sg-1', 'sg-2', 'vpc-1', 'vpc-2']);
  });

  it('ignores empty strings and non-string values', () => {
    expect(valuesOf({ groupId: '', other: { groupId: 7 }, list: [{ groupId: null }] }, ['groupId'])).toEqual([]);
  });
});

describe('topValuesOf', () => {
  it('reads the object and its operation wrapper, not the lists below them', () => {
    const authorize = { groupId: 'sg-1', ipPermissions: { items: [{ groups: { items: [{ groupId: 'sg-ref' }] } }] } };
    expect(topValuesOf(authorize, ['groupId'])).toEqual(['sg-1']);
    expect(topValuesOf({ ModifySecurityGroupRulesRequest: { GroupId: 'sg-2', SecurityGroupRule: { ReferencedGroupId: 'sg-ref' } } }, ['groupId'])).toEqual(['sg-2']);
    expect(topValuesOf(null, ['groupId'])).toEqual([]);
  });
});
