import { InputError } from './errors';
import { hasPorts, protocolNumber } from './protocols';
import { RESOURCE_KINDS } from './resources';
import type { IpPermission, NaclEntry, Snapshot } from './snapshot-schema';

/**
 * What a valid snapshot must also hold that JSON Schema cannot say, checked after validation:
 * the schema stays free of refinements so ajv and zod agree (parse-snapshot.ts). Throws
 * InputError naming the path. Runs on every parse: one pass per list, no allocation per item
 * but the id sets (about 10 ms for 150k rules of the 10k inventory).
 */
export function checkSnapshot(snapshot: Snapshot, source: string): void {
  for (const kind of Object.values(RESOURCE_KINDS)) {
    const list = snapshot[kind.snapshotKey] as object[] | undefined;
    if (list) checkUniqueIds(list, kind.snapshotKey, kind.idField, kind.id as (item: object) => string, source);
  }
  const rules = snapshot.SecurityGroupRules;
  if (rules) {
    checkUniqueIds(rules, 'SecurityGroupRules', 'SecurityGroupRuleId', (r) => r.SecurityGroupRuleId, source);
    const bad = rules.findIndex(emptyPortRange);
    if (bad >= 0) throw portError(rules[bad], `SecurityGroupRules[${bad}]`, source);
  }
  for (const [i, group] of (snapshot.SecurityGroups ?? []).entries()) {
    checkPermissions(group.IpPermissions, i, 'IpPermissions', source);
    checkPermissions(group.IpPermissionsEgress, i, 'IpPermissionsEgress', source);
  }
  const numbers = new Map<number, number>();
  for (const [i, acl] of (snapshot.NetworkAcls ?? []).entries()) {
    numbers.clear();
    for (const [j, e] of (acl.Entries ?? []).entries()) {
      const range = e.PortRange;
      if (range && emptyRange(e.Protocol, range.From, range.To)) {
        throw new InputError(`${source}: NetworkAcls[${i}].Entries[${j}].PortRange: From ${range.From} is above To ${range.To}`);
      }
      if ((e.CidrBlock === undefined) === (e.Ipv6CidrBlock === undefined)) {
        // EC2 gives every entry exactly one: read without, an allow would match nothing and PASS.
        throw new InputError(`${source}: NetworkAcls[${i}].Entries[${j}]: expected one of CidrBlock or Ipv6CidrBlock, got ${e.CidrBlock === undefined ? 'neither' : 'both'}`);
      }
      checkUniqueRuleNumber(e, numbers, i, j, source);
    }
  }
}

/**
 * EC2 numbers a NACL's entries uniquely per direction; with one number twice, which entry
 * matches first (allow or deny) would depend on the order of the list. Keyed per address
 * family too, so a snapshot that numbers the IPv4 and IPv6 default entries alike still reads.
 */
function checkUniqueRuleNumber(e: NaclEntry, seen: Map<number, number>, acl: number, index: number, source: string): void {
  const key = e.RuleNumber * 4 + (e.Egress ? 2 : 0) + (e.Ipv6CidrBlock === undefined ? 0 : 1);
  const at = seen.get(key);
  if (at !== undefined) {
    const where = `NetworkAcls[${acl}].Entries`;
    throw new InputError(`${source}: ${where}[${at}] and ${where}[${index}] are both ${e.Egress ? 'outbound' : 'inbound'} rule ${e.RuleNumber}`);
  }
  seen.set(key, index);
}

/** Two items with one id would make two findings for one resource and hide one of them from lookups. */
function checkUniqueIds<T>(items: readonly T[], key: string, field: string, id: (item: T) => string, source: string): void {
  // One Set pass decides the common case; positions are looked for only when there is a duplicate.
  const seen = new Set<string>();
  for (const item of items) seen.add(id(item));
  if (seen.size === items.length) return;
  const first = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const value = id(items[i]);
    const at = first.get(value);
    if (at !== undefined) throw new InputError(`${source}: ${key}[${at}] and ${key}[${i}] both have ${field} ${value}`);
    first.set(value, i);
  }
}

function checkPermissions(perms: IpPermission[] | undefined, group: number, key: string, source: string): void {
  if (!perms) return;
  const bad = perms.findIndex(emptyPortRange);
  if (bad >= 0) throw portError(perms[bad], `SecurityGroups[${group}].${key}[${bad}]`, source);
}

type PortRule = { IpProtocol: string; FromPort?: number; ToPort?: number };

const emptyPortRange = (rule: PortRule): boolean => emptyRange(rule.IpProtocol, rule.FromPort, rule.ToPort);

/**
 * A start above the end is an empty range, which EC2 never returns for tcp/udp: reading it as
 * "no port" would PASS a rule that is really broken input. For ICMP the two are type and code,
 * and -1 means "all", so only tcp/udp ranges of real ports are compared. (Paths are built only
 * for the error: this runs on every rule of an inventory.)
 */
function emptyRange(protocol: string, from: number | undefined, to: number | undefined): boolean {
  if (from === undefined || to === undefined || from <= to || to === -1) return false;
  return hasPorts(protocolNumber(protocol) ?? -1);
}

function portError(rule: PortRule, path: string, source: string): InputError {
  return new InputError(`${source}: ${path}: FromPort ${rule.FromPort} is above ToPort ${rule.ToPort}`);
}
