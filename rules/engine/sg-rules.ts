import type { IpPermission, SecurityGroup, SecurityGroupRule } from './snapshot-schema';
import { ALL_PORTS, hasPorts, type PortRange, protocolNumber } from './protocols';

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
  /** tcp/udp: the port range; any other protocol: all ports (ports do not apply). */
  ports: PortRange;
  /** Exactly one of these is set. */
  cidr?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  description?: string;
}

export function sourceText(rule: SgRule): string {
  return rule.cidr ?? rule.prefixListId ?? rule.referencedGroupId ?? '?';
}

/** Port range of a tcp/udp rule: absent or -1 ports mean all ports (catalog.md). */
function portsOf(protocol: number, from: number | undefined, to: number | undefined): PortRange {
  if (!hasPorts(protocol) || from === undefined || from === -1) return ALL_PORTS;
  return { from, to: to === undefined || to === -1 ? 65535 : to };
}

function protocolOf(text: string, where: string): number {
  const n = protocolNumber(text);
  if (n === null) throw new Error(`${where}: IpProtocol ${JSON.stringify(text)} is not a protocol`);
  return n;
}

export function fromSecurityGroupRule(r: SecurityGroupRule): SgRule {
  const protocol = protocolOf(r.IpProtocol, r.SecurityGroupRuleId);
  return {
    ruleId: r.SecurityGroupRuleId,
    groupId: r.GroupId,
    egress: r.IsEgress,
    protocol,
    ports: portsOf(protocol, r.FromPort, r.ToPort),
    cidr: r.CidrIpv4 ?? r.CidrIpv6,
    prefixListId: r.PrefixListId,
    referencedGroupId: r.ReferencedGroupInfo?.GroupId,
    description: r.Description,
  };
}

export function fromIpPermissions(group: SecurityGroup, egress: boolean): SgRule[] {
  const perms: IpPermission[] = (egress ? group.IpPermissionsEgress : group.IpPermissions) ?? [];
  const out: SgRule[] = [];
  for (const p of perms) {
    const protocol = protocolOf(p.IpProtocol, group.GroupId);
    const base = { groupId: group.GroupId, egress, protocol, ports: portsOf(protocol, p.FromPort, p.ToPort) };
    for (const r of p.IpRanges ?? []) out.push({ ...base, cidr: r.CidrIp, description: r.Description });
    for (const r of p.Ipv6Ranges ?? []) out.push({ ...base, cidr: r.CidrIpv6, description: r.Description });
    for (const r of p.PrefixListIds ?? []) out.push({ ...base, prefixListId: r.PrefixListId, description: r.Description });
    for (const r of p.UserIdGroupPairs ?? []) {
      out.push({ ...base, referencedGroupId: r.GroupId, description: r.Description });
    }
  }
  return out;
}

/** True when the rule applies to (protocol, port); port is ignored for protocols without ports. */
export function covers(rule: SgRule, protocol: number, port: number): boolean {
  if (rule.protocol === -1) return true;
  if (rule.protocol !== protocol) return false;
  return !hasPorts(protocol) || (rule.ports.from <= port && port <= rule.ports.to);
}
