import { AddressSet } from '../../engine/address-set';
import { describeClients } from '../../engine/client-description';
import type { EvaluationContext } from '../../engine/context';
import type { NaclDirection } from '../../engine/nacl';
import { naclView } from '../../engine/nacl';
import { formatRange, type PortRange, protocolLabel, TCP, UDP } from '../../engine/protocols';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { NACL_DOC, NETWORK_ACL_TRIGGERS } from '../triggers';
import { associatedSubnets, associationsUnknown, entriesUnknown } from './default-nacl';

interface DroppedReturn {
  connections: 'inbound' | 'outbound';
  protocol: string;
  servicePorts: string[];
  missingReturnPorts: string[];
  /** The admitted internet peers some of whose responses are dropped (often not all of them). */
  peersLosingResponses: string[];
}

/** Appends a range, merging it with the previous one when they touch. */
function pushRange(out: PortRange[], r: PortRange): void {
  const last = out[out.length - 1];
  if (last && last.to + 1 === r.from) last.to = r.to;
  else out.push({ ...r });
}

/** The service ports of a range: its parts below and above `eph` (at most two). */
function outsideOf(range: PortRange, eph: PortRange): PortRange[] {
  const out: PortRange[] = [];
  if (range.from < eph.from) out.push({ from: range.from, to: Math.min(range.to, eph.from - 1) });
  if (range.to > eph.to) out.push({ from: Math.max(range.from, eph.to + 1), to: range.to });
  return out;
}

/**
 * Connections of `protocol` opened from the internet through `forward` on a service port are
 * answered through `back` on the ephemeral ports; returns what `back` drops (the ports, and the
 * peers losing responses on some of them), or null when nothing is dropped. Allows inside
 * `ephemeralPorts` carry the return traffic of the other direction's connections, so they never
 * start a check: otherwise the usual "inbound 443, outbound 1024-65535" NACL would fail.
 */
function droppedReturn(forward: NaclDirection, back: NaclDirection, protocol: number, ctx: EvaluationContext) {
  const eph = ctx.settings.ephemeralPorts;
  let peers = AddressSet.EMPTY;
  const servicePorts: PortRange[] = [];
  for (const c of forward.classesOf(protocol)) {
    const service = outsideOf(c.range, eph);
    if (service.length === 0) continue;
    const pub = ctx.exposure.publicPart(forward.allowed(protocol, c.range.from).addresses);
    if (!ctx.exposure.isInternetOpenPublic(pub)) continue;
    peers = peers.union(pub);
    for (const r of service) pushRange(servicePorts, r);
  }
  if (peers.isEmpty()) return null;
  const missing: PortRange[] = [];
  let losing = AddressSet.EMPTY;
  for (const c of back.classesOf(protocol)) {
    const from = Math.max(c.range.from, eph.from);
    const to = Math.min(c.range.to, eph.to);
    if (from > to) continue;
    const lost = peers.subtract(back.allowed(protocol, c.range.from).addresses);
    if (lost.isEmpty()) continue;
    pushRange(missing, { from, to });
    losing = losing.union(lost);
  }
  return missing.length === 0 ? null : { servicePorts, missing, losing };
}

export default defineRule(
  {
    id: 'nacl-return-traffic-allowed',
    title: 'Network ACLs allow the return traffic of the connections they admit',
    description:
      'FAILS, on a NACL associated with a subnet, when tcp or udp is allowed in from internet-open sources on a service port (outside ephemeralPorts) but outbound to those sources some port of ephemeralPorts (default 1024-65535) is denied, so responses are dropped; or the same with the directions swapped. Allows inside ephemeralPorts carry return traffic and start no check. NACLs are stateless, so each direction needs its own entry. The finding names the return ports missing and the peers losing responses on them.',
    severity: 'LOW',
    resourceKind: 'NetworkAcl',
    compliance: {},
    remediation: {
      text: 'Allow the ephemeral port range (1024-65535 covers every client OS) in the return direction for the peers you admit.',
      url: `${NACL_DOC}#nacl-ephemeral-ports`,
      defaultMode: 'notify',
    },
    triggers: NETWORK_ACL_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (nacl, ctx) => {
    const unknown = associationsUnknown(nacl) ?? entriesUnknown(nacl);
    if (unknown) return unknown;
    if (associatedSubnets(nacl).length === 0) return notApplicable('Associated with no subnet: it filters no traffic.');
    const { inbound, outbound } = naclView(nacl, ctx);
    const dropped: DroppedReturn[] = [];
    for (const protocol of [TCP, UDP]) {
      for (const [connections, forward, back] of [['inbound', inbound, outbound], ['outbound', outbound, inbound]] as const) {
        const d = droppedReturn(forward, back, protocol, ctx);
        if (!d) continue;
        dropped.push({
          connections,
          protocol: protocolLabel(protocol),
          servicePorts: d.servicePorts.map(formatRange),
          missingReturnPorts: d.missing.map(formatRange),
          peersLosingResponses: describeClients(d.losing, ctx),
        });
      }
    }
    if (dropped.length === 0) return pass('Return traffic is allowed for every internet-open connection.');
    const text = dropped
      .map(
        (d) =>
          `${d.connections} ${d.protocol} (ports ${d.servicePorts.join(', ')}) lose responses on ${d.missingReturnPorts.join(', ')} for ${d.peersLosingResponses.join(', ')}`,
      )
      .join('; ');
    return fail(`Responses are dropped: ${text}.`, { dropped });
  },
);
