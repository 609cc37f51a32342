import { CATALOG } from '../rules/catalog';
import { evaluate } from '../rules/engine/evaluate';
import { SnapshotModel } from '../rules/engine/model';
import { parseSnapshot } from '../rules/engine/parse-snapshot';
import type { AnyRule } from '../rules/engine/rule';
import { type SettingsInput, SettingsSchema } from '../rules/engine/settings';
import type { Finding } from '../rules/engine/types';

export const NOW = new Date('2026-11-22T12:00:00Z');

type Json = Record<string, unknown>;

/** A security group in describe-security-groups shape. */
export function sg(id: string, ingress: Json[] = [], extra: Json = {}): Json {
  return { GroupId: id, GroupName: id, VpcId: 'vpc-1', OwnerId: '111122223333', IpPermissions: ingress, IpPermissionsEgress: [], ...extra };
}

/** An IpPermissions item: protocol, ports, and CIDR sources (IPv4 or IPv6 by their form). */
export function perm(protocol: string, from: number | undefined, to: number | undefined, ...cidrs: string[]): Json {
  return {
    IpProtocol: protocol,
    ...(from === undefined ? {} : { FromPort: from, ToPort: to }),
    IpRanges: cidrs.filter((c) => !c.includes(':')).map((CidrIp) => ({ CidrIp })),
    Ipv6Ranges: cidrs.filter((c) => c.includes(':')).map((CidrIpv6) => ({ CidrIpv6 })),
  };
}

/** A NACL entry in describe-network-acls shape; ports only for tcp (6) and udp (17). */
export function entry(ruleNumber: number, action: 'allow' | 'deny', protocol: string, cidr: string, ports?: [number, number], egress = false): Json {
  return {
    RuleNumber: ruleNumber,
    RuleAction: action,
    Protocol: protocol,
    Egress: egress,
    ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
    ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
  };
}

export function nacl(id: string, entries: Json[], extra: Json = {}): Json {
  return { NetworkAclId: id, VpcId: 'vpc-1', IsDefault: false, Associations: [{ SubnetId: 'subnet-1' }], Entries: entries, ...extra };
}

export const VPC = { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' };

/** Validates a snapshot and runs rules over it, as the CLI does. */
export function audit(snapshot: Json, rules: readonly AnyRule[] = CATALOG, settings: SettingsInput = {}, now = NOW): Finding[] {
  const model = new SnapshotModel(parseSnapshot(snapshot));
  return evaluate(rules, model, { settings: SettingsSchema.parse(settings), now });
}

/** The one finding of `rule` for `resourceId`; fails the test when there is not exactly one. */
export function findingOf(findings: Finding[], ruleId: string, resourceId: string): Finding {
  const matches = findings.filter((f) => f.ruleId === ruleId && f.resourceId === resourceId);
  if (matches.length !== 1) throw new Error(`expected one ${ruleId} finding for ${resourceId}, got ${matches.length}`);
  return matches[0];
}

/** Runs one rule on one resource and returns its finding. */
export function check(rule: AnyRule, snapshot: Json, resourceId: string, settings: SettingsInput = {}): Finding {
  return findingOf(audit(snapshot, [rule], settings), rule.meta.id, resourceId);
}
