import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/security-group/sg-no-public-admin-ports';
import { check, sg } from '../../../helpers';
import { plPerm } from './sg-fixtures';

/** tcp 22 from a customer prefix list whose entries cover the whole IPv4 internet. */
const openList = {
  SecurityGroups: [sg('sg-1', [plPerm('tcp', 22, 22, 'pl-0cust')])],
  ManagedPrefixLists: [{ PrefixListId: 'pl-0cust', PrefixListName: 'partners', OwnerId: '111122223333', AddressFamily: 'IPv4' }],
  PrefixListEntries: { 'pl-0cust': [{ Cidr: '0.0.0.0/1' }, { Cidr: '128.0.0.0/1' }] },
};

describe('settings.trustedPrefixLists (entries of a trusted list never count as public)', () => {
  it('a trusted list holding the whole internet passes; the same list untrusted fails', () => {
    // Act
    const trusted = check(rule, openList, 'sg-1', { trustedPrefixLists: ['pl-0cust'] });
    const untrusted = check(rule, openList, 'sg-1', { trustedPrefixLists: ['pl-0other'] });

    // Assert
    expect(trusted.status).toBe('PASS');
    expect(untrusted.status).toBe('FAIL');
  });

  it('a trusted list whose entries were not read is decided (PASS), not left undecided', () => {
    // Arrange: the list is known by name only.
    const { PrefixListEntries: _entries, ...unresolved } = openList;

    // Act
    const f = check(rule, unresolved, 'sg-1', { trustedPrefixLists: ['pl-0cust'] });

    // Assert
    expect(f.status).toBe('PASS');
    expect(f.evidence.unresolvedPrefixLists).toBeUndefined();
  });

  it('a CIDR rule beside the trusted list still fails', () => {
    // Arrange
    const group = sg('sg-1', [plPerm('tcp', 22, 22, 'pl-0cust'), { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);

    // Act
    const f = check(rule, { ...openList, SecurityGroups: [group] }, 'sg-1', { trustedPrefixLists: ['pl-0cust'] });

    // Assert
    expect(f.status).toBe('FAIL');
  });
});
