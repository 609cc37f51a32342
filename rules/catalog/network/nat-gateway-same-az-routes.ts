import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { isInEffect, routeDestination, routesMissing, routeTarget, subnetsUsing } from '../../engine/routes';
import type { NatGateway, RouteTable, Subnet } from '../../engine/snapshot-schema';
import { NAT_GATEWAY_DOC, NAT_ROUTE_AZ_TRIGGERS } from './triggers';

/** A subnet's Availability Zone as the snapshot gives it: name, id, or both. */
interface Zone {
  name?: string;
  id?: string;
}

const zoneOf = (subnet: Subnet | undefined): Zone => ({ name: subnet?.AvailabilityZone, id: subnet?.AvailabilityZoneId });
const zoneLabel = (z: Zone): string => z.name ?? z.id ?? 'unknown';

/**
 * Two zones found different, as a message names them: by name when the names differ, else with
 * the ids that told them apart. Names are mapped per account (a shared subnet's eu-west-1a can be
 * another account's eu-west-1b), so "eu-west-1a ... in eu-west-1a" would contradict the verdict.
 */
function differentZoneLabels(a: Zone, b: Zone): [string, string] {
  if (a.name !== undefined && b.name !== undefined && a.name !== b.name) return [a.name, b.name];
  const withId = (z: Zone) => (z.name !== undefined && z.id !== undefined ? `${z.name} (${z.id})` : zoneLabel(z));
  return [withId(a), withId(b)];
}

/**
 * Whether two subnets are in the same zone, or undefined when the snapshot cannot tell: by
 * AvailabilityZoneId when both carry it (the id names the physical zone), else by name.
 */
function sameZone(a: Zone, b: Zone): boolean | undefined {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  if (a.name !== undefined && b.name !== undefined) return a.name === b.name;
  return undefined;
}

interface NatRoute {
  natGateway: string;
  destination: string;
  /** The NAT gateway's zone (its subnet's), or why it is unknown. */
  natAz?: Zone;
  unknown?: string;
  regional?: boolean;
}

export default defineRule(
  {
    id: 'nat-gateway-same-az-routes',
    title: 'Route tables send traffic to a NAT gateway in their subnets\' Availability Zone',
    description:
      "FAILS when a route table has an active route to a NAT gateway whose Availability Zone (its subnet's) differs from that of a subnet using the table (explicitly associated, or unassociated for a main table), compared by AvailabilityZoneId when both subnets carry it, else by AvailabilityZone name. That traffic crosses zones (data charges), and the subnet loses internet access when the other zone fails. NOT_APPLICABLE when the table has no active NAT gateway route or no subnet uses it; a regional NAT gateway serves every zone.",
    severity: 'MEDIUM',
    resourceKind: 'RouteTable',
    compliance: { custodian: ['cross-az-nat-gateway-route'] },
    remediation: {
      text: 'Create a NAT gateway in each Availability Zone and give each zone\'s subnets a route table whose NAT route targets the NAT gateway of the same zone.',
      url: NAT_GATEWAY_DOC,
      defaultMode: 'notify',
    },
    triggers: NAT_ROUTE_AZ_TRIGGERS,
    inputs: ['Subnets', 'NatGateways'],
    reads: [],
  },
  (table, ctx) => {
    if (table.Routes === undefined) return routesMissing(table);
    const natRoutes = table.Routes
      .filter((r) => r.State !== 'blackhole' && routeTarget(r).kind === 'nat-gateway')
      .map((r) => natRoute(routeTarget(r).id, routeDestination(r), ctx));
    if (natRoutes.length === 0) return notApplicable('The table has no active route to a NAT gateway.');
    const subnets = subnetsOf(table, ctx);
    if (subnets.length === 0) return notApplicable('No subnet uses this route table.', { natRoutes: natRoutes.map(brief) });

    const crossAz: Array<Record<string, string>> = [];
    const unknown: Array<Record<string, string>> = [];
    for (const r of natRoutes) {
      if (r.regional) continue;
      if (r.natAz === undefined) {
        unknown.push({ natGateway: r.natGateway, destination: r.destination, reason: r.unknown ?? 'unknown' });
        continue;
      }
      for (const s of subnets) {
        const same = sameZone(s.zone, r.natAz);
        if (same === undefined) {
          unknown.push({ natGateway: r.natGateway, destination: r.destination, reason: whyZoneUnknown(s) });
        } else if (!same) {
          const [subnetAz, natAz] = differentZoneLabels(s.zone, r.natAz);
          crossAz.push({ subnet: s.subnet, subnetAz, natGateway: r.natGateway, natAz, destination: r.destination });
        }
      }
    }
    if (crossAz.length > 0) {
      const first = crossAz[0];
      const more = crossAz.length > 1 ? ` (and ${crossAz.length - 1} more)` : '';
      return fail(
        `Subnet ${first.subnet} in ${first.subnetAz} reaches ${first.destination} through NAT gateway ${first.natGateway} in ${first.natAz}${more}.`,
        { crossAz },
      );
    }
    if (unknown.length > 0) {
      return notApplicable(`The Availability Zone of ${unknown.map((u) => u.natGateway).join(', ')} or of a subnet is unknown: ${unknown[0].reason}.`, { unknown });
    }
    return pass(`Every NAT gateway route stays in the zone of the ${subnets.length} subnet(s) using the table.`, {
      natRoutes: natRoutes.map(brief),
      subnets: subnets.map((s) => ({ subnet: s.subnet, subnetAz: zoneLabel(s.zone) })),
    });
  },
);

interface UsingSubnet {
  subnet: string;
  zone: Zone;
  /** False for an explicitly associated subnet the snapshot's Subnets lack: its zone is unknown. */
  listed: boolean;
}

/**
 * Subnets using the table: those the snapshot lists, plus explicitly associated ones it does not
 * (a filtered listing), which must make the verdict unknown rather than drop out of it.
 */
function subnetsOf(table: RouteTable, ctx: EvaluationContext): UsingSubnet[] {
  const out: UsingSubnet[] = subnetsUsing(table, ctx).map((id) => ({ subnet: id, zone: zoneOf(ctx.model.subnet(id)), listed: true }));
  for (const a of table.Associations ?? []) {
    if (a.SubnetId && isInEffect(a) && !ctx.model.subnet(a.SubnetId)) out.push({ subnet: a.SubnetId, zone: {}, listed: false });
  }
  return out;
}

function whyZoneUnknown(s: UsingSubnet): string {
  if (!s.listed) return `subnet ${s.subnet} is not in the snapshot (Subnets)`;
  if (s.zone.name === undefined && s.zone.id === undefined) return `subnet ${s.subnet} has no AvailabilityZone`;
  return `subnet ${s.subnet} and the NAT gateway's subnet name their zones differently (AvailabilityZone on one, AvailabilityZoneId on the other)`;
}

function natRoute(natGateway: string, destination: string, ctx: EvaluationContext): NatRoute {
  const nat = natGatewaysById(ctx).get(natGateway);
  if (!nat) return { natGateway, destination, unknown: `NAT gateway ${natGateway} is not in the snapshot` };
  if ((nat as { AvailabilityMode?: unknown }).AvailabilityMode === 'regional') return { natGateway, destination, regional: true };
  if (!nat.SubnetId) return { natGateway, destination, unknown: `NAT gateway ${natGateway} has no SubnetId` };
  const subnet = ctx.model.subnet(nat.SubnetId);
  if (!subnet) return { natGateway, destination, unknown: `the NAT gateway's subnet ${nat.SubnetId} is not in the snapshot` };
  if (!subnet.AvailabilityZone && !subnet.AvailabilityZoneId) {
    return { natGateway, destination, unknown: `the NAT gateway's subnet ${nat.SubnetId} has no AvailabilityZone` };
  }
  return { natGateway, destination, natAz: zoneOf(subnet) };
}

function natGatewaysById(ctx: EvaluationContext): Map<string, NatGateway> {
  return ctx.memo(ctx.model, 'nat-gateways-by-id', () => new Map((ctx.model.snapshot.NatGateways ?? []).map((n) => [n.NatGatewayId, n])));
}

function brief(r: NatRoute): Record<string, string> {
  return { natGateway: r.natGateway, natAz: r.regional ? 'regional' : r.natAz ? zoneLabel(r.natAz) : 'unknown', destination: r.destination };
}
