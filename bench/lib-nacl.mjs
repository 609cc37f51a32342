// Network ACLs (describe-network-acls) for bench/generate.mjs: default NACLs (allow all at 100)
// and custom ones in a mix of profiles; the AWS catch-all entries are always present.
import { tags } from './lib-rand.mjs';

export const NACL_PROFILES = [
  ['typical', 50], ['deny-before-allow', 15], ['shadowed', 10], ['allow-all', 10], ['return-broken', 5], ['sneaky', 5],
];
const PROTO = { tcp: '6', udp: '17', icmp: '1', all: '-1' };

/** Entry in the describe-network-acls shape. ports: [from, to] for tcp/udp, [type, code] for icmp. */
function entry(RuleNumber, Egress, proto, RuleAction, cidr, ports) {
  const e = { RuleNumber, Protocol: PROTO[proto], RuleAction, Egress };
  if (cidr.includes(':')) e.Ipv6CidrBlock = cidr; else e.CidrBlock = cidr;
  if (proto === 'tcp' || proto === 'udp') e.PortRange = { From: ports[0], To: ports[1] };
  if (proto === 'icmp') e.IcmpTypeCode = { Type: ports[0], Code: ports[1] };
  return e;
}

/** ctx: { rng, id, acct }. vpc: { VpcId, cidr, v6 }. Associations are filled in by the caller. */
export function buildNacl(ctx, vpc, isDefault) {
  const { rng, id, acct } = ctx;
  const profile = isDefault ? 'default' : rng.weighted(NACL_PROFILES);
  const inn = [], out = [];
  const both = (n, ...a) => { inn.push(entry(n, false, ...a)); out.push(entry(n, true, ...a)); };
  const v6 = !!vpc.v6;
  switch (profile) {
    case 'default':
      both(100, 'all', 'allow', '0.0.0.0/0');
      if (v6) both(101, 'all', 'allow', '::/0');
      break;
    case 'typical': {
      const variant = rng.weighted([['deny-admin', 50], ['linux-ephemeral', 30], ['wide-ephemeral', 20]]);
      if (variant === 'deny-admin') {
        inn.push(entry(100, false, 'tcp', 'allow', '10.0.0.0/8', [22, 22]));
        inn.push(entry(105, false, 'tcp', 'deny', '0.0.0.0/0', [22, 22]));
        inn.push(entry(106, false, 'tcp', 'deny', '0.0.0.0/0', [3389, 3389]));
      }
      inn.push(entry(110, false, 'tcp', 'allow', '0.0.0.0/0', [443, 443]));
      inn.push(entry(120, false, 'tcp', 'allow', '0.0.0.0/0', [80, 80]));
      const eph = variant === 'linux-ephemeral' ? [32768, 65535] : [1024, 65535];
      inn.push(entry(130, false, 'tcp', 'allow', '0.0.0.0/0', eph));
      inn.push(entry(140, false, 'udp', 'allow', vpc.cidr, [53, 53]));
      inn.push(entry(150, false, 'icmp', 'allow', '0.0.0.0/0', [3, 4]));
      if (v6) {
        inn.push(entry(111, false, 'tcp', 'allow', '::/0', [443, 443]));
        inn.push(entry(131, false, 'tcp', 'allow', '::/0', eph));
      }
      out.push(entry(100, true, 'tcp', 'allow', '0.0.0.0/0', [1024, 65535]));
      out.push(entry(110, true, 'tcp', 'allow', '0.0.0.0/0', [443, 443]));
      out.push(entry(120, true, 'tcp', 'allow', '0.0.0.0/0', [80, 80]));
      out.push(entry(130, true, 'udp', 'allow', vpc.cidr, [53, 53]));
      if (v6) out.push(entry(101, true, 'tcp', 'allow', '::/0', [1024, 65535]), entry(111, true, 'tcp', 'allow', '::/0', [443, 443]));
      break;
    }
    case 'deny-before-allow':
      switch (rng.int(0, 2)) {
        case 0: // removes exactly one /24: still internet-open on 22
          inn.push(entry(90, false, rng.pick(['all', 'tcp']), 'deny', '203.0.113.0/24', [22, 22]));
          inn.push(entry(100, false, 'tcp', 'allow', '0.0.0.0/0', [22, 22]));
          break;
        case 1: // two halves denied first: the allow is shadowed, nothing open
          inn.push(entry(80, false, 'tcp', 'deny', '0.0.0.0/1', [22, 22]));
          inn.push(entry(85, false, 'tcp', 'deny', '128.0.0.0/1', [22, 22]));
          inn.push(entry(100, false, 'tcp', 'allow', '0.0.0.0/0', [22, 22]));
          break;
        default: // deny 0-1023 from anywhere, then allow 3389 from anywhere (open on 3389)
          inn.push(entry(90, false, 'tcp', 'deny', '0.0.0.0/0', [0, 1023]));
          inn.push(entry(100, false, 'tcp', 'allow', '0.0.0.0/0', [22, 22]));
          inn.push(entry(110, false, 'tcp', 'allow', '0.0.0.0/0', [3389, 3389]));
      }
      inn.push(entry(120, false, 'tcp', 'allow', '0.0.0.0/0', [1024, 65535]));
      out.push(entry(100, true, 'tcp', 'allow', '0.0.0.0/0', [1024, 65535]));
      break;
    case 'shadowed':
      inn.push(entry(100, false, 'tcp', 'allow', '10.0.0.0/8', [0, 65535]));
      inn.push(entry(110, false, 'tcp', 'allow', vpc.cidr, [443, 443]));
      inn.push(entry(120, false, 'tcp', 'deny', '10.20.0.0/16', [80, 80]));
      inn.push(entry(130, false, 'all', 'allow', '172.16.0.0/12'));
      inn.push(entry(140, false, 'udp', 'allow', '172.20.0.0/16', [53, 53]));
      out.push(entry(100, true, 'all', 'allow', '0.0.0.0/0'));
      out.push(entry(110, true, 'tcp', 'allow', '0.0.0.0/0', [443, 443]));
      break;
    case 'allow-all':
      if (rng.chance(0.3)) inn.push(entry(90, false, 'all', 'deny', '203.0.113.0/24'));
      both(100, 'all', 'allow', '0.0.0.0/0');
      if (v6 && rng.chance(0.5)) both(101, 'all', 'allow', '::/0');
      break;
    case 'return-broken':
      inn.push(entry(100, false, 'tcp', 'allow', '0.0.0.0/0', [443, 443]));
      out.push(entry(100, true, 'tcp', 'allow', '0.0.0.0/0', [1024, 2048]));
      out.push(entry(110, true, rng.pick(['tcp', 'udp']), 'allow', '0.0.0.0/0', [443, 443]));
      break;
    case 'sneaky':
      inn.push(entry(100, false, 'tcp', 'allow', '0.0.0.0/1', [22, 22]));
      inn.push(entry(110, false, 'tcp', 'allow', '128.0.0.0/1', [22, 22]));
      inn.push(entry(120, false, 'tcp', 'allow', '52.0.0.0/8', [3389, 3389]));
      inn.push(entry(130, false, 'tcp', 'allow', '0.0.0.0/0', [1024, 65535]));
      out.push(entry(100, true, 'tcp', 'allow', '0.0.0.0/0', [1024, 65535]));
      break;
  }
  if (!isDefault) {
    if (rng.chance(0.05)) out.push(entry(250, true, 'tcp', 'allow', '169.254.169.254/32', [80, 80]));
    const target = rng.int(5, 30) - (v6 ? 4 : 2);
    for (let n = 300; inn.length + out.length < target; n += 10) {
      const dir = rng.chance(0.5) ? inn : out;
      const port = rng.pick([22, 25, 443, 5432, 3306, 8080, 9000, 6379]);
      const e = rng.chance(0.7)
        ? entry(n, dir === out, rng.pick(['tcp', 'udp']), 'allow', `10.${rng.int(0, 255)}.0.0/16`, [port, port])
        : entry(n, dir === out, 'tcp', 'deny', `198.51.${rng.int(0, 255)}.0/24`, [port, port + rng.int(0, 100)]);
      dir.push(e);
    }
  }
  for (const dir of [inn, out]) {
    dir.push(entry(32767, dir === out, 'all', 'deny', '0.0.0.0/0'));
    if (v6) dir.push(entry(32768, dir === out, 'all', 'deny', '::/0'));
    dir.sort((a, b) => a.RuleNumber - b.RuleNumber);
  }
  const NetworkAclId = id('acl');
  return {
    Associations: [],
    Entries: [...out, ...inn],
    IsDefault: isDefault,
    NetworkAclId,
    Tags: isDefault ? [] : tags({ Name: `${profile}-nacl`, 'bench:profile': profile }),
    VpcId: vpc.VpcId,
    OwnerId: acct,
  };
}
