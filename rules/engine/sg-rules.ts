import type { IpPermission, SecurityGroup, SecurityGroupRule } from './snapshot-schema';
import { hasPorts, protocolNumber } from './protocols';

/**
 * One security-group rule with one source or destination, as AWS counts and revokes them.
 * Built from SecurityGroupRules when the snapshot has them for the group (they carry rule ids,
 * which remediation needs), else derived from IpPermissions (one rule per source, no id).
 */
export interface SgRule {
  ruleId?: string;
  groupId: string;
  egress: boolean;
  /** Protocol number; -1 = all. */
  protocol: number;
  /** tcp/udp: the port range; any other protocol: 0-65535 (ports do not apply). Flat numbers,
   * not a range object: an inventory has ~150k rules, and each object is one more to collect. */
  fromPort: number;
  toPort: number;
  /** Exactly one of these is set. */
  cidr?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  description?: string;
}

export function sourceText(rule: SgRule): string {
  return rule.cidr ?? rule.prefixListId ?? rule.referencedGroupId ?? '?';
}

function protocolOf(text: string, where: string): number {
  const n = protocolNumber(text);
  if (n === null) throw new Error(`${where}: IpProtocol ${JSON.stringify(text)} is not a protocol`);
  return n;
}

/**
 * The one place rules are built, with a fixed field order so rules from both listings share a
 * hidden class. Ports: absent or -1 mean all ports (catalog.md); only tcp/udp have them.
 */
function makeRule(
  groupId: string,
  egress: boolean,
  protocol: number,
  from: number | undefined,
  to: number | undefined,
  cidr: string | undefined,
  prefixListId: string | undefined,
  referencedGroupId: string | undefined,
  ruleId: string | undefined,
  description: string | undefined,
): SgRule {
  const all = !hasPorts(protocol) || from === undefined || from === -1;
  return {
    ruleId,
    groupId,
    egress,
    protocol,
    fromPort: all ? 0 : from,
    toPort: all ? 65535 : to === undefined || to === -1 ? 65535 : to,
    cidr,
    prefixListId,
    referencedGroupId,
    description,
  };
}

export function fromSecurityGroupRule(r: SecurityGroupRule): SgRule {
  const protocol = protocolOf(r.IpProtocol, r.SecurityGroupRuleId);
  const cidr = r.CidrIpv4 ?? r.CidrIpv6;
  const ref = r.ReferencedGroupInfo?.GroupId;
  return makeRule(r.GroupId, r.IsEgress, protocol, r.FromPort, r.ToPort, cidr, r.PrefixListId, ref, r.SecurityGroupRuleId, r.Description);
}

export function fromIpPermissions(group: SecurityGroup, egress: boolean): SgRule[] {
  const perms: IpPermission[] = (egress ? group.IpPermissionsEgress : group.IpPermissions) ?? [];
  const out: SgRule[] = [];
  for (const p of perms) {
    const protocol = protocolOf(p.IpProtocol, group.GroupId);
    const add = (cidr?: string, prefixListId?: string, ref?: string, description?: string) =>
      out.push(makeRule(group.GroupId, egress, protocol, p.FromPort, p.ToPort, cidr, prefixListId, ref, undefined, description));
    for (const r of p.IpRanges ?? []) add(r.CidrIp, undefined, undefined, r.Description);
    for (const r of p.Ipv6Ranges ?? []) add(r.CidrIpv6, undefined, undefined, r.Description);
    for (const r of p.PrefixListIds ?? []) add(undefined, r.PrefixListId, undefined, r.Description);
    for (const r of p.UserIdGroupPairs ?? []) add(undefined, undefined, r.GroupId, r.Description);
  }
  return out;
}

/** True when the rule applies to (protocol, port); port is ignored for protocols without ports. */
export function covers(rule: SgRule, protocol: number, port: number): boolean {
  if (rule.protocol === -1) return true;
  if (rule.protocol !== protocol) return false;
  return !hasPorts(protocol) || (rule.fromPort <= port && port <= rule.toPort);
}
