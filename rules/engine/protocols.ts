/** IP protocol numbers as EC2 writes them: names (tcp) or number strings ("6"); "-1" = all. */
export const ALL_PROTOCOLS = -1;
export const TCP = 6;
export const UDP = 17;
export const ICMP = 1;
export const ICMPV6 = 58;

const NAMES: Record<string, number> = { tcp: TCP, udp: UDP, icmp: ICMP, icmpv6: ICMPV6, all: ALL_PROTOCOLS };
const LABELS: Record<number, string> = { [TCP]: 'tcp', [UDP]: 'udp', [ICMP]: 'icmp', [ICMPV6]: 'icmpv6', [ALL_PROTOCOLS]: 'all' };

/** Returns the protocol number, or null for a value EC2 would not accept. */
export function protocolNumber(text: string): number | null {
  // The spellings EC2 prints, without allocating: this runs once per rule of an inventory.
  switch (text) {
    case 'tcp':
    case '6':
      return TCP;
    case 'udp':
    case '17':
      return UDP;
    case '-1':
      return ALL_PROTOCOLS;
    case 'icmp':
    case '1':
      return ICMP;
  }
  const lower = text.toLowerCase();
  if (lower in NAMES) return NAMES[lower];
  if (!/^-?\d{1,3}$/.test(lower)) return null;
  const n = Number(lower);
  return n === -1 || (n >= 0 && n <= 255) ? n : null;
}

export function protocolLabel(n: number): string {
  return LABELS[n] ?? String(n);
}

/** Only tcp and udp rules and entries carry a port range; others match every port. */
export function hasPorts(protocol: number): boolean {
  return protocol === TCP || protocol === UDP;
}

export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

export function formatRange(r: PortRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

/** "tcp 22", "all protocols" or "protocol 47": a port range only where the protocol has ports. */
export function formatTraffic(protocol: number, range: PortRange): string {
  if (hasPorts(protocol)) return `${protocolLabel(protocol)} ${formatRange(range)}`;
  return protocol === ALL_PROTOCOLS ? 'all protocols' : `protocol ${protocolLabel(protocol)}`;
}

/** The distinct ports of a list in ascending order, as rangesOutside wants them. */
export function sortedPorts(ports: readonly number[]): number[] {
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** Parts of `range` not in `sorted` (ascending, distinct: see sortedPorts). */
export function rangesOutside(range: PortRange, sorted: readonly number[]): PortRange[] {
  const out: PortRange[] = [];
  let from = range.from;
  for (const port of sorted) {
    if (port < from || port > range.to) continue;
    if (port > from) out.push({ from, to: port - 1 });
    from = port + 1;
  }
  if (from <= range.to) out.push({ from, to: range.to });
  return out;
}

/** "tcp 20-23, 25, 3389; udp 137-139" from (protocol, port) pairs, for messages. */
export function formatPortList(items: ReadonlyArray<{ protocol: string; port: number }>): string {
  const byProtocol = new Map<string, number[]>();
  for (const { protocol, port } of items) {
    const list = byProtocol.get(protocol);
    if (list) list.push(port);
    else byProtocol.set(protocol, [port]);
  }
  const parts: string[] = [];
  for (const [protocol, ports] of byProtocol) {
    const runs: PortRange[] = [];
    for (const port of [...new Set(ports)].sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last && last.to + 1 === port) last.to = port;
      else runs.push({ from: port, to: port });
    }
    parts.push(`${protocol} ${runs.map(formatRange).join(', ')}`);
  }
  return parts.join('; ');
}
