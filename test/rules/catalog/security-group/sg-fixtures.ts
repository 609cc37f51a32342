/**
 * Builders shared by the security-group rule tests, on top of test/helpers.ts. Every shape is the
 * EC2 API's (describe-security-groups, describe-security-group-rules, describe-managed-prefix-lists).
 */
import type { Finding } from '../../../../rules/engine/types';

type Json = Record<string, unknown>;

export const GROUP_TYPE = 'AWS::EC2::SecurityGroup';

/** A snapshot holding only these groups (no interfaces, subnets, route tables or NACLs). */
export const groupsOnly = (...groups: Json[]) => ({ SecurityGroups: groups });

/**
 * A describe-security-group-rules entry. The source names its kind: "pl-…" is a prefix list,
 * "sg-…" a group reference, one with ":" an IPv6 CIDR, anything else an IPv4 CIDR.
 */
export function sgr(id: string, groupId: string, protocol: string, ports: [number, number] | undefined, source: string, egress = false): Json {
  const target = source.startsWith('pl-')
    ? { PrefixListId: source }
    : source.startsWith('sg-')
      ? { ReferencedGroupInfo: { GroupId: source, UserId: '111122223333' } }
      : source.includes(':')
        ? { CidrIpv6: source }
        : { CidrIpv4: source };
  return {
    SecurityGroupRuleId: id,
    GroupId: groupId,
    GroupOwnerId: '111122223333',
    IsEgress: egress,
    IpProtocol: protocol,
    ...(ports ? { FromPort: ports[0], ToPort: ports[1] } : {}),
    ...target,
  };
}

/** An IpPermissions item whose sources are prefix lists. */
export const plPerm = (protocol: string, from: number, to: number, ...ids: string[]): Json => ({
  IpProtocol: protocol,
  FromPort: from,
  ToPort: to,
  PrefixListIds: ids.map((PrefixListId) => ({ PrefixListId })),
});

/** An IpPermissions item whose sources are other security groups. */
export const groupPerm = (protocol: string, ports: [number, number] | undefined, ...groupIds: string[]): Json => ({
  IpProtocol: protocol,
  ...(ports ? { FromPort: ports[0], ToPort: ports[1] } : {}),
  UserIdGroupPairs: groupIds.map((GroupId) => ({ GroupId, UserId: '111122223333' })),
});

/**
 * The exposure evidence of a finding on a groups-only snapshot: reachability cannot be decided,
 * so the base severity stands and the evidence names what is missing (docs/semantics.md).
 */
export const NO_NETWORK = { missingInputs: ['NetworkInterfaces', 'Subnets', 'RouteTables', 'NetworkAcls'] };

/** A group as a snapshot lists it without one of its rule lists (and no SecurityGroupRules). */
export function without(group: Json, key: 'IpPermissions' | 'IpPermissionsEgress'): Json {
  const { [key]: _dropped, ...rest } = group;
  return rest;
}

export const tagged = (tags: Record<string, string>) => ({ Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) });

/** Evidence form of a rule as describeRule writes it (ruleId only when the snapshot had one). */
export interface RuleEvidence {
  ruleId?: string;
  protocol: string;
  ports?: string;
  source: string;
}

export interface OpenPort {
  protocol: string;
  port: number;
  sources: string[];
  rules: RuleEvidence[];
}

export const openPorts = (f: Finding) => f.evidence.openPorts as OpenPort[];
/** (protocol, port) of every open port in the evidence, in evidence order. */
export const openPortKeys = (f: Finding) => openPorts(f).map(({ protocol, port }) => `${protocol} ${port}`);
export const ruleIdsOf = (rules: RuleEvidence[]) => rules.map((r) => r.ruleId);
