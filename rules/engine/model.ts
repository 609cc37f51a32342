import { pushTo } from './collections';
import { fromListedRule, type ListedRule, listedFromIpPermissions, type SgRule } from './sg-rules';
import type {
  IpPermission,
  NetworkAcl,
  NetworkInterface,
  SecurityGroup,
  SecurityGroupRule,
  Snapshot,
  SnapshotKey,
  Subnet,
  Vpc,
} from './snapshot-schema';

export interface GroupRules {
  ingress: SgRule[];
  egress: SgRule[];
}

/** One group's SecurityGroupRules entries, per direction. */
interface Listing {
  groupId: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

/**
 * What resolves a prefix list (prefixList): entries, name and owner. Rules whose addresses go
 * through prefix lists read these; without them a customer list is unresolved (unknown).
 */
export const PREFIX_LIST_KEYS: SnapshotKey[] = ['ManagedPrefixLists', 'PrefixLists', 'PrefixListEntries'];

export interface ResolvedPrefixList {
  id: string;
  name?: string;
  /** AWS-managed lists (com.amazonaws.*) hold AWS service ranges: they add no public address. */
  awsManaged: boolean;
  /** Entries when the snapshot has them; undefined = unresolved. */
  cidrs?: string[];
}

/**
 * Read-only indexes over a validated snapshot, built once per evaluation so rules look things
 * up by id instead of scanning lists.
 */
export class SnapshotModel {
  readonly securityGroups: SecurityGroup[];
  readonly networkAcls: NetworkAcl[];
  private readonly groupsById: Map<string, SecurityGroup>;
  private readonly vpcsById: Map<string, Vpc>;
  private readonly subnetsById: Map<string, Subnet>;
  /**
   * SecurityGroupRules by GroupId, and the groups some other group's rule references: one pass
   * over the listing (150k rules on a 10k-group account), made on first use.
   */
  private ruleIndex?: RuleIndex;
  private interfacesByGroup?: Map<string, NetworkInterface[]>;
  private interfacesWithoutGroupsList?: NetworkInterface[];
  private readonly prefixLists = new Map<string, ResolvedPrefixList>();

  constructor(readonly snapshot: Snapshot) {
    this.securityGroups = snapshot.SecurityGroups ?? [];
    this.networkAcls = snapshot.NetworkAcls ?? [];
    this.groupsById = byId(this.securityGroups, (g) => g.GroupId);
    this.vpcsById = byId(snapshot.Vpcs ?? [], (v) => v.VpcId);
    this.subnetsById = byId(snapshot.Subnets ?? [], (s) => s.SubnetId);
  }

  get accountId(): string | undefined {
    return this.snapshot.AccountId ?? this.securityGroups.find((g) => g.OwnerId)?.OwnerId;
  }

  get region(): string | undefined {
    return this.snapshot.Region;
  }

  /** Whether the snapshot carries this key at all (an empty list counts as present). */
  has(key: SnapshotKey): boolean {
    return this.snapshot[key] !== undefined;
  }

  group(id: string): SecurityGroup | undefined {
    return this.groupsById.get(id);
  }

  vpc(id: string | undefined): Vpc | undefined {
    return id === undefined ? undefined : this.vpcsById.get(id);
  }

  subnet(id: string | undefined): Subnet | undefined {
    return id === undefined ? undefined : this.subnetsById.get(id);
  }

  /**
   * The group's rules of one direction as listed rules. SecurityGroupRules win where the
   * snapshot has them for that group and direction (they carry ids); IpPermissions fill in
   * otherwise (derived afresh on each call), so a snapshot whose describe-security-group-rules
   * call was filtered still sees every rule.
   */
  listing(group: SecurityGroup, egress: boolean): readonly ListedRule[] {
    const listed = this.rules().byGroup.get(group.GroupId);
    const entries = egress ? listed?.egress : listed?.ingress;
    return entries && entries.length > 0 ? entries : listedFromIpPermissions(group, egress);
  }

  /** The group's rules per direction, normalized (built afresh: callers memoize). */
  rulesOf(group: SecurityGroup): GroupRules {
    return { ingress: this.listing(group, false).map(fromListedRule), egress: this.listing(group, true).map(fromListedRule) };
  }

  /** Interfaces the snapshot lists without their Groups: which groups they use is unknown. */
  interfacesWithoutGroups(): NetworkInterface[] {
    this.interfacesWithoutGroupsList ??= (this.snapshot.NetworkInterfaces ?? []).filter((eni) => eni.Groups === undefined);
    return this.interfacesWithoutGroupsList;
  }

  /** Keys naming interfaces listed without Groups (the first `max`), for missingInputs. */
  interfacesWithoutGroupsInputs(max = 3): string[] {
    return this.interfacesWithoutGroups()
      .slice(0, max)
      .map((e) => `NetworkInterfaces[${e.NetworkInterfaceId}].Groups`);
  }

  interfacesUsing(groupId: string): NetworkInterface[] {
    if (!this.interfacesByGroup) {
      this.interfacesByGroup = new Map();
      for (const eni of this.snapshot.NetworkInterfaces ?? []) {
        for (const g of eni.Groups ?? []) pushTo(this.interfacesByGroup, g.GroupId, eni);
      }
    }
    return this.interfacesByGroup.get(groupId) ?? [];
  }

  /**
   * Whether the snapshot lists the group's rules of a direction at all: a
   * describe-security-group-rules listing, or the group's own IpPermissions / IpPermissionsEgress
   * key. An absent list is unknown, not empty.
   */
  rulesKnown(group: SecurityGroup, egress: boolean): boolean {
    if (this.snapshot.SecurityGroupRules !== undefined) return true;
    return (egress ? group.IpPermissionsEgress : group.IpPermissions) !== undefined;
  }

  /**
   * Whether a rule of some other group names this group as its source or destination, in
   * the group's rules as `listing` sees them.
   */
  isReferencedByOtherGroup(groupId: string): boolean {
    return this.rules().referenced.has(groupId);
  }

  /**
   * Keys of rule lists the snapshot lacks in groups other than this one (the first `max`): a
   * rule there may reference the group, so "referenced by no other group" is then unknown.
   */
  unknownRulesOfOtherGroups(groupId: string, max = 3): string[] {
    const out: string[] = [];
    for (const u of this.rules().unknown) {
      if (u.groupId !== groupId) out.push(u.key);
      if (out.length === max) break;
    }
    return out;
  }

  private rules(): RuleIndex {
    if (!this.ruleIndex) {
      const byGroup = new Map<string, Listing>();
      const referenced = new Set<string>();
      let listing: Listing | undefined;
      for (const r of this.snapshot.SecurityGroupRules ?? []) {
        // describe-security-group-rules lists a group's rules together: look the group up only
        // when it changes (150k rules, 10k groups on the bench inventory).
        if (listing === undefined || listing.groupId !== r.GroupId) {
          listing = byGroup.get(r.GroupId);
          if (!listing) byGroup.set(r.GroupId, (listing = { groupId: r.GroupId, ingress: [], egress: [] }));
        }
        (r.IsEgress ? listing.egress : listing.ingress).push(r);
        const to = r.ReferencedGroupInfo?.GroupId;
        if (to && to !== r.GroupId) referenced.add(to);
      }
      // IpPermissions only where SecurityGroupRules lack the group's direction: the same view
      // of a group's rules as `listing` (and no second pass over the listed groups).
      const unknown: RuleIndex['unknown'] = [];
      for (const g of this.securityGroups) {
        const listed = byGroup.get(g.GroupId);
        if (!listed?.ingress.length) addReferences(g, g.IpPermissions, referenced);
        if (!listed?.egress.length) addReferences(g, g.IpPermissionsEgress, referenced);
        if (!this.rulesKnown(g, false)) unknown.push({ groupId: g.GroupId, key: `SecurityGroups[${g.GroupId}].IpPermissions` });
        if (!this.rulesKnown(g, true)) unknown.push({ groupId: g.GroupId, key: `SecurityGroups[${g.GroupId}].IpPermissionsEgress` });
      }
      this.ruleIndex = { byGroup, referenced, unknown };
    }
    return this.ruleIndex;
  }

  prefixList(id: string): ResolvedPrefixList {
    let resolved = this.prefixLists.get(id);
    if (!resolved) {
      resolved = this.resolvePrefixList(id);
      this.prefixLists.set(id, resolved);
    }
    return resolved;
  }

  private resolvePrefixList(id: string): ResolvedPrefixList {
    const named = this.snapshot.ManagedPrefixLists?.find((p) => p.PrefixListId === id);
    const listed = this.snapshot.PrefixLists?.find((p) => p.PrefixListId === id);
    const name = named?.PrefixListName ?? listed?.PrefixListName;
    const awsManaged = (name?.startsWith('com.amazonaws.') ?? false) || named?.OwnerId === 'AWS';
    const entries = this.snapshot.PrefixListEntries?.[id]?.map((e) => e.Cidr) ?? listed?.Cidrs;
    return { id, name, awsManaged, cidrs: entries };
  }
}

interface RuleIndex {
  byGroup: Map<string, Listing>;
  /** Groups some other group's rule names as its source or destination. */
  referenced: Set<string>;
  /** Rule lists the snapshot lacks (no SecurityGroupRules and no IpPermissions key). */
  unknown: Array<{ groupId: string; key: string }>;
}

function byId<T>(items: T[], id: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(id(item), item);
  return map;
}

function addReferences(group: SecurityGroup, perms: IpPermission[] | undefined, referenced: Set<string>): void {
  for (const p of perms ?? []) {
    for (const pair of p.UserIdGroupPairs ?? []) if (pair.GroupId && pair.GroupId !== group.GroupId) referenced.add(pair.GroupId);
  }
}
