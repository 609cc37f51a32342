import { describe, expect, it } from 'vitest';
import { AddressSet } from '../../../rules/engine/address-set';
import { parseCidr } from '../../../rules/engine/cidr';
import { ExposurePolicy, PUBLIC_ADDRESSES } from '../../../rules/engine/public-address';

const policy = new ExposurePolicy([], { ipv4: 16, ipv6: 32 });
const set = (...cidrs: string[]) => AddressSet.fromCidrs(cidrs);

describe('parseCidr', () => {
  it('parses IPv4 and IPv6, masking host bits', () => {
    expect(parseCidr('10.1.2.3/8')).toMatchObject({ family: 'ipv4', lo: 10 * 2 ** 24, hi: 11 * 2 ** 24 - 1, prefix: 8 });
    expect(parseCidr('2001:db8::1/32')).toMatchObject({ family: 'ipv6', prefix: 32 });
    expect(parseCidr('::ffff:10.0.0.1/128')?.family).toBe('ipv6');
    expect(parseCidr('198.51.100.7')).toMatchObject({ prefix: 32 });
  });

  it('rejects what is not a CIDR', () => {
    for (const bad of ['10.0.0.0/33', '256.0.0.0/8', '10.0.0/8', 'fe80::/129', 'abc', '10.0.0.0/-1', '']) {
      expect(parseCidr(bad), bad).toBeNull();
    }
  });
});

describe('public addresses and internet-open (docs/semantics.md definitions)', () => {
  it('excludes private, shared, loopback, link-local, multicast and reserved IPv4, and non-2000::/3 IPv6', () => {
    for (const a of ['10.1.1.1', '100.64.0.1', '127.0.0.1', '169.254.1.1', '172.31.0.1', '192.168.1.1', '224.0.0.1', '240.0.0.1', '0.1.2.3', 'fd00::1', 'fe80::1']) {
      expect(PUBLIC_ADDRESSES.has(a), a).toBe(false);
    }
    for (const a of ['8.8.8.8', '52.1.1.1', '172.32.0.1', '100.128.0.1', '2600::1']) expect(PUBLIC_ADDRESSES.has(a), a).toBe(true);
  });

  it.each([
    ['0.0.0.0/0', true],
    ['::/0', true],
    ['2000::/3', true],
    ['52.0.0.0/8', true],
    ['198.51.100.0/24', false],
    ['10.0.0.0/8', false],
    ['2001:db8::/33', false],
    ['2001:db8::/32', true],
  ])('%s internet-open: %s', (cidr, open) => {
    expect(policy.isInternetOpen(set(cidr))).toBe(open);
  });

  it('counts the union, never a literal 0.0.0.0/0', () => {
    expect(policy.isInternetOpen(set('0.0.0.0/1', '128.0.0.0/1'))).toBe(true);
    // 256 distinct public /24s: exactly a /16 worth of public addresses.
    const many = Array.from({ length: 256 }, (_, i) => `52.${i}.0.0/24`);
    expect(policy.isInternetOpen(set(...many))).toBe(true);
    expect(policy.isInternetOpen(set(...many.slice(1)))).toBe(false);
  });

  it('counts only public addresses: 10.0.0.0/8 plus a public /17 is not open', () => {
    expect(policy.isInternetOpen(set('10.0.0.0/8', '52.0.0.0/17'))).toBe(false);
  });

  it('treats trusted CIDRs as not public and honours internetMinPrefix', () => {
    const trusting = new ExposurePolicy(['52.0.0.0/8'], { ipv4: 16, ipv6: 32 });
    expect(trusting.isInternetOpen(set('52.0.0.0/8'))).toBe(false);
    expect(trusting.isInternetOpen(set('0.0.0.0/0'))).toBe(true);
    const strict = new ExposurePolicy([], { ipv4: 24, ipv6: 64 });
    expect(strict.isInternetOpen(set('198.51.100.0/24'))).toBe(true);
    expect(strict.isInternetOpen(set('198.51.100.0/25'))).toBe(false);
  });

  it('describes a set as CIDR blocks, deny-carved sets included', () => {
    expect(set('0.0.0.0/0').subtract(set('128.0.0.0/1')).toCidrs()).toEqual(['0.0.0.0/1']);
    expect(set('10.0.0.0/24').subtract(set('10.0.0.128/25')).union(set('2001:db8::/64')).toCidrs()).toEqual(['10.0.0.0/25', '2001:db8::/64']);
    const carved = set('0.0.0.0/0').subtract(set('203.0.113.0/24'));
    expect(carved.toCidrs()).toHaveLength(24);
    expect(carved.toCidrs().slice(0, 3)).toEqual(['0.0.0.0/1', '128.0.0.0/2', '192.0.0.0/5']);
  });

  it('describes a set by its complement when that is shorter, per family', () => {
    expect(set('0.0.0.0/0').subtract(set('203.0.113.0/24')).describe()).toEqual(['all IPv4 except 203.0.113.0/24']);
    expect(set('0.0.0.0/0', '::/0').describe()).toEqual(['all IPv4', 'all IPv6']);
    expect(set('198.51.100.0/24', '2001:db8::/32').describe()).toEqual(['198.51.100.0/24', '2001:db8::/32']);
    const many = set(...Array.from({ length: 12 }, (_, i) => `10.${i * 2}.0.0/16`));
    expect(many.describe(3)).toEqual(['10.0.0.0/16', '10.2.0.0/16', '10.4.0.0/16', '… 9 more blocks']);
  });
});
