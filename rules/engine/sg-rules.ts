import type { IpPermission, SecurityGroup } from './snapshot-schema';
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
 * hidden class. Ports: absent or -1 mean all ports (docs/semantics.md); only tcp/udp have them.
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

/**
 * A rule as describe-security-group-rules lists it: the one form every scan reads. A group
 * without such entries gets them derived from IpPermissions (one per source, no id).
 */
export interface ListedRule {
  SecurityGroupRuleId?: string;
  GroupId: string;
  IsEgress: boolean;
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupInfo?: { GroupId?: string };
  Description?: string;
}

/** The CIDR a listed rule names, if any. */
export function cidrOf(r: ListedRule): string | undefined {
  return r.CidrIpv4 ?? r.CidrIpv6;
}

/** Normalizes one listed rule. Scans read listed rules as they are and call this only for the rules they report. */
export function fromListedRule(r: ListedRule): SgRule {
  const protocol = protocolOf(r.IpProtocol, r.SecurityGroupRuleId ?? r.GroupId);
  const ref = r.ReferencedGroupInfo?.GroupId;
  return makeRule(r.GroupId, r.IsEgress, protocol, r.FromPort, r.ToPort, cidrOf(r), r.PrefixListId, ref, r.SecurityGroupRuleId, r.Description);
}

/** A group's IpPermissions (or IpPermissionsEgress) as listed rules, one per source. */
export function listedFromIpPermissions(group: SecurityGroup, egress: boolean): ListedRule[] {
  const perms: IpPermission[] = (egress ? group.IpPermissionsEgress : group.IpPermissions) ?? [];
  const out: ListedRule[] = [];
  for (const p of perms) {
    // One literal with every field, so derived rules share a hidden class.
    const add = (CidrIpv4?: string, CidrIpv6?: string, PrefixListId?: string, GroupId?: string, Description?: string) =>
      out.push({
        GroupId: group.GroupId,
        IsEgress: egress,
        IpProtocol: p.IpProtocol,
        FromPort: p.FromPort,
        ToPort: p.ToPort,
        CidrIpv4,
        CidrIpv6,
        PrefixListId,
        ReferencedGroupInfo: GroupId === undefined ? undefined : { GroupId },
        Description,
      });
    for (const r of p.IpRanges ?? []) add(r.CidrIp, undefined, undefined, undefined, r.Description);
    for (const r of p.Ipv6Ranges ?? []) add(undefined, r.CidrIpv6, undefined, undefined, r.Description);
    for (const r of p.PrefixListIds ?? []) add(undefined, undefined, r.PrefixListId, undefined, r.Description);
    for (const r of p.UserIdGroupPairs ?? []) add(undefined, undefined, undefined, r.GroupId, r.Description);
  }
  return out;
}

/** True when the rule applies to (protocol, port); port is ignored for protocols without ports. */
export function covers(rule: SgRule, protocol: number, port: number): boolean {
  if (rule.protocol === -1) return true;
  if (rule.protocol !== protocol) return false;
  return !hasPorts(protocol) || (rule.fromPort <= port && port <= rule.toPort);
}
