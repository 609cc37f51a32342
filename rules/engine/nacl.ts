import { AddressSet } from './address-set';
import type { EvaluationContext } from './context';
import { ALL_PORTS, hasPorts, ICMP, ICMPV6, type PortRange, protocolNumber } from './protocols';
import type { NaclEntry, NetworkAcl } from './snapshot-schema';

/** The catch-all entries AWS puts last in every NACL (RuleNumber * in the console). */
export const CATCH_ALL_RULE_NUMBERS = new Set([32767, 32768]);

export interface Entry {
  ruleNumber: number;
  allow: boolean;
  protocol: number;
  addresses: AddressSet;
  cidr: string;
  /** tcp/udp port range; all ports for protocols without ports. */
  ports: PortRange;
  /** icmp/icmpv6 type and code when the entry names one type (it covers part of the protocol). */
  icmp?: { type: number; code: number };
}

export interface Hit {
  entry: Entry;
  /** The addresses this entry decides, as the first match, for the probed traffic. */
  addresses: AddressSet;
}

/** Port-less protocols are probed with this port; tcp/udp probes carry a real port. */
const NO_PORT = 0;

export function toEntry(e: NaclEntry): Entry {
  const protocol = protocolNumber(e.Protocol) ?? -1; // validated by the snapshot schema
  const cidr = e.CidrBlock ?? e.Ipv6CidrBlock ?? '';
  const from = e.PortRange?.From;
  const ports = hasPorts(protocol) && from !== undefined ? { from, to: e.PortRange?.To ?? from } : ALL_PORTS;
  const type = e.IcmpTypeCode?.Type ?? -1;
  const icmp = (protocol === ICMP || protocol === ICMPV6) && type !== -1 ? { type, code: e.IcmpTypeCode?.Code ?? -1 } : undefined;
  return {
    ruleNumber: e.RuleNumber,
    allow: e.RuleAction === 'allow',
    protocol,
    addresses: cidr ? AddressSet.fromCidrText(cidr) : AddressSet.EMPTY,
    cidr,
    ports,
    icmp,
  };
}

/**
 * Whether the entry matches traffic of `protocol` on `port`. A probe of a port-less protocol
 * stands for all of its traffic, so an icmp entry naming one type does not match it.
 */
export function matches(entry: Entry, protocol: number, port: number): boolean {
  if (entry.protocol === -1) return true;
  if (entry.protocol !== protocol) return false;
  if (hasPorts(protocol)) return entry.ports.from <= port && port <= entry.ports.to;
  return entry.icmp === undefined;
}

/**
 * One class of traffic: a protocol and a port range over which every address is decided by the
 * same entries. The classes of a direction partition all traffic, so anything about "all
 * traffic" is a question over a few dozen classes, not 256 protocols x 65536 ports.
 */
export interface TrafficClass {
  protocol: number;
  range: PortRange;
  /** First matches, in rule order: which entry decides which addresses. Shared between classes. */
  hits: readonly Hit[];
}

export interface Allowed {
  readonly addresses: AddressSet;
  readonly hits: readonly Hit[];
}

/** A NACL's entries of one direction in evaluation order (ascending RuleNumber). */
export class NaclDirection {
  private readonly fullPieces = new Map<number, PortRange[]>();
  private classList?: TrafficClass[];
  private readonly byProtocol = new Map<number, TrafficClass[]>();
  /** Keyed by a class's hits: classes with the same first matches share one answer. */
  private readonly allowedByHits = new Map<readonly Hit[], Allowed>();
  /** The class standing for every protocol no entry names. */
  private otherClass?: TrafficClass;

  constructor(readonly entries: readonly Entry[]) {}

  /** First-match evaluation for every address at once: which entry decides which addresses. */
  firstMatches(protocol: number, port: number): Hit[] {
    let undecided = AddressSet.ALL;
    const hits: Hit[] = [];
    for (const entry of this.entries) {
      if (!matches(entry, protocol, port) || !undecided.overlaps(entry.addresses)) continue;
      hits.push({ entry, addresses: undecided.intersect(entry.addresses) });
      undecided = undecided.subtract(entry.addresses);
      if (undecided.isEmpty()) break;
    }
    return hits;
  }

  /**
   * The decision map: every class of traffic with its first matches, computed once per NACL
   * direction and shared by all rules (tcp/udp cut at every entry boundary, each protocol an
   * entry names, and one class standing for every protocol no entry names).
   */
  classes(): TrafficClass[] {
    if (!this.classList) {
      const probes = this.probes();
      // First matches depend only on which entries match (firstMatches skips the others), and
      // most classes of a NACL are matched by the same few entries: each set is decided once.
      const byMatching = new Map<string, readonly Hit[]>();
      this.classList = probes.map(({ protocol, range }) => {
        const port = probePort(protocol, range);
        const key = this.matching(protocol, port);
        let hits = byMatching.get(key);
        if (!hits) byMatching.set(key, (hits = this.firstMatches(protocol, port)));
        return { protocol, range, hits };
      });
      const last = probes[probes.length - 1];
      if (last?.other) this.otherClass = this.classList[this.classList.length - 1];
      for (const c of this.classList) {
        if (c === this.otherClass) continue;
        const list = this.byProtocol.get(c.protocol);
        if (list) list.push(c);
        else this.byProtocol.set(c.protocol, [c]);
      }
    }
    return this.classList;
  }

  /** Which entries match (protocol, port), as their positions: "0,3,7". */
  private matching(protocol: number, port: number): string {
    let key = '';
    for (let i = 0; i < this.entries.length; i++) if (matches(this.entries[i], protocol, port)) key += `${i},`;
    return key;
  }

  /** The class holding (protocol, port); a protocol no entry names falls in the "other" class. */
  classOf(protocol: number, port: number): TrafficClass {
    const list = this.classesOf(protocol);
    if (list.length === 1 || !hasPorts(protocol)) return list[0];
    return list.find((c) => c.range.from <= port && port <= c.range.to) ?? list[0];
  }

  /** Classes of one protocol (tcp/udp: its port pieces, in port order). */
  classesOf(protocol: number): TrafficClass[] {
    const all = this.classes();
    const named = this.byProtocol.get(protocol);
    if (named) return named;
    return [this.otherClass ?? all[all.length - 1]];
  }

  /**
   * The addresses allowed for (protocol, port), and the allow entries deciding them; no match =
   * deny. One answer per class, shared: rules and reachability ask the same classes again and again.
   */
  allowed(protocol: number, port: number): Allowed {
    const c = this.classOf(protocol, port);
    let answer = this.allowedByHits.get(c.hits);
    if (!answer) {
      const hits = c.hits.filter((h) => h.entry.allow);
      answer = { addresses: unionOf(hits), hits };
      this.allowedByHits.set(c.hits, answer);
    }
    return answer;
  }

  /**
   * Pieces of `range` over which the decision of every address is the same: the range cut at
   * every boundary of an entry of this protocol. Each piece is decided by one probe.
   */
  pieces(protocol: number, range: PortRange = ALL_PORTS): PortRange[] {
    if (!hasPorts(protocol)) return [range];
    if (range === ALL_PORTS) {
      let all = this.fullPieces.get(protocol);
      if (!all) this.fullPieces.set(protocol, (all = this.cut(protocol, range)));
      return all;
    }
    return this.cut(protocol, range);
  }

  private cut(protocol: number, range: PortRange): PortRange[] {
    const cuts = new Set<number>([range.from]);
    for (const e of this.entries) {
      if (e.protocol !== protocol) continue;
      if (e.ports.from > range.from && e.ports.from <= range.to) cuts.add(e.ports.from);
      if (e.ports.to >= range.from && e.ports.to < range.to) cuts.add(e.ports.to + 1);
    }
    const starts = [...cuts].sort((a, b) => a - b);
    return starts.map((from, i) => ({ from, to: i + 1 < starts.length ? starts[i + 1] - 1 : range.to }));
  }

  /** One probe per class of traffic: tcp/udp pieces, each protocol named, and any other protocol. */
  probes(): Array<{ protocol: number; range: PortRange; other?: true }> {
    const named = new Set<number>(this.entries.map((e) => e.protocol).filter((p) => p !== -1));
    named.add(6);
    named.add(17);
    const out: Array<{ protocol: number; range: PortRange; other?: true }> = [];
    for (const protocol of named) for (const range of this.pieces(protocol)) out.push({ protocol, range });
    const other = firstUnnamedProtocol(named);
    if (other !== undefined) out.push({ protocol: other, range: ALL_PORTS, other: true });
    return out;
  }
}

export function unionOf(hits: readonly Hit[]): AddressSet {
  let set = AddressSet.EMPTY;
  for (const h of hits) set = set.union(h.addresses);
  return set;
}

function firstUnnamedProtocol(named: Set<number>): number | undefined {
  for (let p = 0; p <= 255; p++) if (!named.has(p)) return p;
  return undefined;
}

export interface NaclView {
  inbound: NaclDirection;
  outbound: NaclDirection;
}

/** Both directions of a NACL, sorted once and shared by every rule of one evaluation. */
export function naclView(nacl: NetworkAcl, ctx: EvaluationContext): NaclView {
  return ctx.memo(nacl, 'view', buildView);
}

function buildView(nacl: NetworkAcl): NaclView {
  const inbound: Entry[] = [];
  const outbound: Entry[] = [];
  for (const e of nacl.Entries ?? []) (e.Egress ? outbound : inbound).push(toEntry(e));
  const byNumber = (a: Entry, b: Entry) => a.ruleNumber - b.ruleNumber;
  return { inbound: new NaclDirection(inbound.sort(byNumber)), outbound: new NaclDirection(outbound.sort(byNumber)) };
}

export function probePort(protocol: number, range: PortRange): number {
  return hasPorts(protocol) ? range.from : NO_PORT;
}
