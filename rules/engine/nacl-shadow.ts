import { AddressSet } from './address-set';
import { CATCH_ALL_RULE_NUMBERS, type Entry, matches, NaclDirection, probePort } from './nacl';
import { hasPorts, type PortRange } from './protocols';

export interface Shadowed {
  ruleNumber: number;
  shadowedBy: number[];
}

/**
 * Entries that can never be the first match: every address, protocol and port they cover is
 * decided by earlier entries (catalog.md nacl-no-shadowed-entries). The catch-alls are skipped.
 */
export function shadowedEntries(direction: NaclDirection): Shadowed[] {
  const out: Shadowed[] = [];
  const all = direction.entries;
  for (let i = 0; i < all.length; i++) {
    const entry = all[i];
    if (CATCH_ALL_RULE_NUMBERS.has(entry.ruleNumber) || i === 0) continue;
    const earlier = all.slice(0, i);
    const by = shadowersOf(entry, earlier);
    if (by) out.push({ ruleNumber: entry.ruleNumber, shadowedBy: by });
  }
  return out;
}

/** The earlier entries that together decide everything `entry` covers, or null if some is left. */
function shadowersOf(entry: Entry, earlier: readonly Entry[]): number[] | null {
  const by = new Set<number>();
  for (const probe of domainProbes(entry, earlier)) {
    let decided = AddressSet.EMPTY;
    for (const e of earlier) {
      if (!probe.match(e) || e.addresses.intersect(entry.addresses).isEmpty()) continue;
      decided = decided.union(e.addresses);
      by.add(e.ruleNumber);
    }
    if (!entry.addresses.isSubsetOf(decided)) return null;
  }
  return [...by].sort((a, b) => a - b);
}

/** Probes that together stand for every packet the entry can match. */
function domainProbes(entry: Entry, earlier: readonly Entry[]): Array<{ match(e: Entry): boolean }> {
  const before = new NaclDirection(earlier);
  const probe = (protocol: number, range: PortRange) => ({
    match: (e: Entry) => matches(e, protocol, probePort(protocol, range)),
  });
  if (entry.protocol === -1) return before.probes().map((p) => probe(p.protocol, p.range));
  if (hasPorts(entry.protocol)) return before.pieces(entry.protocol, entry.ports).map((r) => probe(entry.protocol, r));
  const icmp = entry.icmp;
  if (icmp) {
    // One icmp type (and maybe code): covered by an entry for all of the protocol or for that type.
    return [
      {
        match: (e: Entry) =>
          e.protocol === -1 ||
          (e.protocol === entry.protocol &&
            (e.icmp === undefined || (e.icmp.type === icmp.type && (e.icmp.code === -1 || e.icmp.code === icmp.code)))),
      },
    ];
  }
  return [probe(entry.protocol, { from: 0, to: 65535 })];
}
