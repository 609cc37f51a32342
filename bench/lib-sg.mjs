// Security groups (describe-security-groups) and their rules (describe-security-group-rules)
// for bench/generate.mjs. Permissions are merged the way EC2 merges them: one IpPermission per
// (IpProtocol, FromPort, ToPort), holding every source; SecurityGroupRules is one rule per source.
import { tags } from './lib-rand.mjs';

/** Share of non-default groups per profile (see the brief: 70/10/5/5/5 + decoys). */
export const SG_PROFILES = [
  ['compliant', 70], ['open-admin', 10], ['sneaky', 5], ['public-web', 5], ['all-traffic', 5], ['decoy', 5],
];
const OFFICES = ['81.2.69.160/28', '195.66.224.16/28', '62.252.10.32/28', '145.40.88.0/28'];
const DECOY_24S = ['198.51.100.0/24', '203.0.113.0/24', '192.0.2.0/24', '93.184.216.0/24', '185.199.108.0/24'];
const APPS = ['payments', 'orders', 'search', 'auth', 'billing', 'catalog', 'reports', 'gateway', 'etl', 'cache'];
const TIERS = ['web', 'app', 'db', 'worker', 'bastion', 'lb', 'batch', 'admin'];
const TCP_PORTS = [22, 3389, 443, 80, 8080, 8443, 5432, 3306, 6379, 9200, 27017, 2049, 5601, 9092, 11211];
const UDP_PORTS = [53, 123, 514, 161, 4789, 1812];

/** Collects sources into EC2-shaped IpPermissions, merging equal (protocol, ports). */
class Perms {
  constructor() { this.map = new Map(); }
  add(proto, from, to, kind, value, desc) {
    const all = proto === '-1';
    const key = all ? '-1' : `${proto}/${from}/${to}`;
    let p = this.map.get(key);
    if (!p) {
      p = all ? { IpProtocol: '-1' } : { IpProtocol: proto, FromPort: from, ToPort: to };
      Object.assign(p, { UserIdGroupPairs: [], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] });
      this.map.set(key, p);
    }
    const [list, field] = {
      v4: [p.IpRanges, 'CidrIp'], v6: [p.Ipv6Ranges, 'CidrIpv6'],
      pl: [p.PrefixListIds, 'PrefixListId'], sg: [p.UserIdGroupPairs, 'GroupId'],
    }[kind];
    if (list.some((s) => s[field] === value)) return this;
    const src = { [field]: value };
    if (kind === 'sg') src.UserId = this.owner;
    if (desc) src.Description = desc;
    list.push(src);
    return this;
  }
  get size() { return this.map.size; }
  list() { return [...this.map.values()]; }
}

/**
 * Builds the groups of one VPC. ctx: { rng, id, acct, region }. vpc: { VpcId, prefix ("10.x"), cidr, v6 (/56 or null), dns }.
 * pls: { s3, cloudfront, offices, vpn, v6office, legacyAny } prefix list ids. n: group count (incl. default).
 */
export function buildVpcGroups(ctx, vpc, n, pls) {
  const { rng, id, acct, region } = ctx;
  const ids = Array.from({ length: n }, () => id('sg'));
  const groups = [];
  for (let i = 0; i < n; i++) {
    const GroupId = ids[i];
    const isDefault = i === 0;
    const profile = isDefault ? (rng.chance(0.6) ? 'default-open' : 'default-closed') : rng.weighted(SG_PROFILES);
    const ing = new Perms(), eg = new Perms();
    ing.owner = eg.owner = acct;
    const app = rng.pick(APPS), tier = rng.pick(TIERS);
    if (isDefault) {
      if (profile === 'default-open') {
        ing.add('-1', 0, 0, 'sg', GroupId);
        eg.add('-1', 0, 0, 'v4', '0.0.0.0/0');
        if (vpc.v6) eg.add('-1', 0, 0, 'v6', '::/0');
      }
    } else {
      special(rng, profile, ing, vpc, pls);
      const target = rng.int(5, 15);
      for (let guard = 0; ing.size < target && guard < 60; guard++) filler(rng, ing, vpc, ids, pls);
      if (rng.chance(0.01)) { // a few very large groups (sg-rule-count)
        for (let k = 0; k < 45; k++) ing.add('tcp', 443, 443, 'v4', `${vpc.prefix}.${rng.int(0, 95)}.${rng.int(1, 254)}/32`, `host ${k}`);
      }
      egress(rng, eg, vpc, ids, pls);
    }
    const t = { Name: isDefault ? 'default' : `${app}-${tier}`, 'bench:profile': profile, Environment: rng.pick(['prod', 'staging', 'dev']) };
    if (!isDefault && rng.chance(0.01)) {
      t['vpc-auditor:exempt'] = rng.pick(['all', 'sg-no-public-admin-ports', 'sg-attached,sg-rule-count', 'false', 'no-such-rule']);
      if (rng.chance(0.4)) t['vpc-auditor:exempt-until'] = rng.pick(['2023-06-30', '2099-12-31']);
    }
    groups.push({
      Description: isDefault ? 'default VPC security group' : rng.pick([`${tier} tier for ${app}`, 'Managed by Terraform', `launch-wizard-${i}`]),
      GroupName: isDefault ? 'default' : `${app}-${tier}-${String(i).padStart(4, '0')}`,
      IpPermissions: ing.list(),
      OwnerId: acct,
      GroupId,
      IpPermissionsEgress: eg.list(),
      Tags: isDefault && rng.chance(0.5) ? [] : tags(t),
      VpcId: vpc.VpcId,
      SecurityGroupArn: `arn:aws:ec2:${region}:${acct}:security-group/${GroupId}`,
    });
  }
  return groups;
}

function special(rng, profile, ing, vpc, pls) {
  const admin = rng.pick([22, 3389]);
  switch (profile) {
    case 'open-admin':
      switch (rng.int(0, 4)) {
        case 0: ing.add('tcp', admin, admin, 'v4', '0.0.0.0/0'); break;
        case 1: ing.add('tcp', admin, admin, 'v6', '::/0'); break;
        case 2: ing.add('tcp', admin, admin, 'v4', '0.0.0.0/0', 'temp debug').add('tcp', admin, admin, 'v6', '::/0'); break;
        case 3: ing.add('6', 22, 22, 'v4', '0.0.0.0/0'); break;
        default: ing.add('udp', 3389, 3389, 'v4', '0.0.0.0/0', 'RDP UDP transport');
      }
      break;
    case 'sneaky':
      switch (rng.int(0, 4)) {
        case 0: ing.add('tcp', 22, 22, 'v4', '0.0.0.0/1').add('tcp', 20, 23, 'v4', '128.0.0.0/1'); break;
        case 1: ing.add('tcp', 3389, 3389, 'v4', '52.0.0.0/8', 'AWS ranges'); break;
        case 2: ing.add('tcp', 0, 1024, 'v4', '0.0.0.0/0'); break;
        case 3: ing.add('tcp', 22, 22, 'v6', '2000::/3'); break;
        default: ing.add('tcp', 22, 22, 'pl', pls.legacyAny);
      }
      break;
    case 'public-web':
      for (const port of [80, 443]) {
        ing.add('tcp', port, port, 'v4', '0.0.0.0/0');
        if (vpc.v6) ing.add('tcp', port, port, 'v6', '::/0');
      }
      break;
    case 'all-traffic':
      switch (rng.int(0, 4)) {
        case 0: ing.add('-1', 0, 0, 'v4', '0.0.0.0/0'); break;
        case 1: ing.add('-1', 0, 0, 'v6', '::/0'); break;
        case 2: ing.add('tcp', 0, 65535, 'v4', '0.0.0.0/0'); break;
        case 3: ing.add('udp', 1, 65535, 'v4', '0.0.0.0/0'); break;
        default: ing.add('-1', 0, 0, 'v4', '0.0.0.0/1').add('-1', 0, 0, 'v4', '128.0.0.0/1');
      }
      break;
    case 'decoy':
      ing.add('tcp', 22, 22, 'v4', DECOY_24S[0], 'partner bastion');
      for (const c of rng.sample(DECOY_24S.slice(1), rng.int(1, 3))) ing.add('tcp', 3389, 3389, 'v4', c);
      ing.add('icmp', -1, -1, 'v4', '0.0.0.0/0');
      switch (rng.int(0, 3)) {
        case 0: ing.add('udp', 53, 53, 'v4', '0.0.0.0/0'); break;
        case 1: ing.add('tcp', 2222, 2222, 'v4', '0.0.0.0/0'); break;
        case 2: ing.add('tcp', 23, 3388, 'v4', '0.0.0.0/0'); break;
        default: ing.add('udp', 1194, 1194, 'v4', '0.0.0.0/0', 'OpenVPN');
      }
      break;
    default: // compliant: nothing special
  }
}

/** One compliant permission source: private ranges, group refs, prefix lists, office /28s. */
function filler(rng, ing, vpc, ids, pls) {
  const r = rng.next();
  const [proto, from, to] =
    r < 0.6 ? (() => { const p = rng.pick(TCP_PORTS); return ['tcp', p, p]; })()
    : r < 0.7 ? ['tcp', 1024, 65535]
    : r < 0.8 ? (() => { const p = rng.pick(UDP_PORTS); return [rng.chance(0.2) ? '17' : 'udp', p, p]; })()
    : r < 0.87 ? ['icmp', rng.pick([-1, 8, 3]), -1]
    : r < 0.9 ? ['6', 8000, 8100]
    : r < 0.93 && vpc.v6 ? ['icmpv6', -1, -1]
    : ['-1', 0, 0];
  const s = rng.next();
  if (proto === '-1') return ing.add(proto, 0, 0, s < 0.5 ? 'sg' : 'v4', s < 0.5 ? rng.pick(ids) : vpc.cidr);
  if (proto === 'icmpv6') return ing.add(proto, -1, -1, 'v6', vpc.v6 ?? 'fd00::/8');
  if (s < 0.12) return ing.add(proto, from, to, 'v4', rng.pick(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']));
  if (s < 0.3) return ing.add(proto, from, to, 'v4', `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}/32`, 'host');
  if (s < 0.42) return ing.add(proto, from, to, 'v4', rng.chance(0.5) ? `172.${rng.int(16, 31)}.${rng.int(0, 255)}.0/24` : `192.168.${rng.int(0, 255)}.0/24`);
  if (s < 0.5) return ing.add(proto, from, to, 'v4', vpc.cidr);
  if (s < 0.72) return ing.add(proto, from, to, 'sg', rng.pick(ids), rng.chance(0.3) ? 'from peer tier' : undefined);
  if (s < 0.82) return ing.add(proto, from, to, 'pl', rng.pick([pls.offices, pls.vpn, proto === 'tcp' && from === 443 ? pls.cloudfront : pls.offices]));
  if (s < 0.86 && vpc.v6) return ing.add(proto, from, to, 'v6', rng.chance(0.5) ? vpc.v6 : 'fd12:3456:789a::/48');
  if (s < 0.88 && pls.v6office) return ing.add(proto, from, to, 'pl', pls.v6office);
  return ing.add(proto, from, to, 'v4', rng.pick(OFFICES), 'office');
}

function egress(rng, eg, vpc, ids, pls) {
  const r = rng.next();
  if (r < 0.55) {
    eg.add('-1', 0, 0, 'v4', '0.0.0.0/0');
    if (vpc.v6) eg.add('-1', 0, 0, 'v6', '::/0');
  } else {
    eg.add('tcp', 443, 443, 'v4', '0.0.0.0/0');
    if (rng.chance(0.5)) eg.add('tcp', 5432, 5432, 'sg', rng.pick(ids));
    if (rng.chance(0.4)) eg.add('tcp', 443, 443, 'pl', pls.s3);
  }
  if (rng.chance(0.15)) eg.add('udp', 53, 53, 'v4', `${vpc.dns}/32`, 'Amazon DNS');
  if (rng.chance(0.05)) eg.add('tcp', 80, 80, 'v4', '169.254.169.254/32', 'IMDS');
}

/** describe-security-group-rules, one rule per source, in permission order. */
export function rulesFor(group, id, region) {
  const out = [];
  for (const [IsEgress, perms] of [[false, group.IpPermissions], [true, group.IpPermissionsEgress]]) {
    for (const p of perms) {
      const base = { IpProtocol: p.IpProtocol, FromPort: p.FromPort ?? -1, ToPort: p.ToPort ?? -1 };
      const srcs = [
        ...p.IpRanges.map((s) => [{ CidrIpv4: s.CidrIp }, s.Description]),
        ...p.Ipv6Ranges.map((s) => [{ CidrIpv6: s.CidrIpv6 }, s.Description]),
        ...p.PrefixListIds.map((s) => [{ PrefixListId: s.PrefixListId }, s.Description]),
        ...p.UserIdGroupPairs.map((s) => [{ ReferencedGroupInfo: { GroupId: s.GroupId, UserId: s.UserId } }, s.Description]),
      ];
      for (const [src, Description] of srcs) {
        const SecurityGroupRuleId = id('sgr');
        out.push({
          SecurityGroupRuleId, GroupId: group.GroupId, GroupOwnerId: group.OwnerId, IsEgress, ...base, ...src,
          ...(Description ? { Description } : {}), Tags: [],
          SecurityGroupRuleArn: `arn:aws:ec2:${region}:${group.OwnerId}:security-group-rule/${SecurityGroupRuleId}`,
        });
      }
    }
  }
  return out;
}
