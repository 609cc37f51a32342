import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { routeDestination, routesMissing, routeTarget, subnetsUsing } from '../../engine/routes';
import type { NatGateway } from '../../engine/snapshot-schema';
import { NAT_GATEWAY_DOC, NAT_ROUTE_AZ_TRIGGERS } from './triggers';

interface NatRoute {
  natGateway: string;
  destination: string;
  /** The NAT gateway's zone (its subnet's), or why it is unknown. */
  natAz?: string;
  unknown?: string;
  regional?: boolean;
}

export default defineRule(
  {
    id: 'nat-gateway-same-az-routes',
    title: 'Route tables send traffic to a NAT gateway in their subnets\' Availability Zone',
    description:
      "FAILS when a route table has an active route to a NAT gateway whose Availability Zone (its subnet's) differs from that of a subnet using the table (explicitly associated, or unassociated for a main table). That traffic crosses zones (data charges), and the subnet loses internet access when the other zone fails. NOT_APPLICABLE when the table has no active NAT gateway route or no subnet uses it; a regional NAT gateway serves every zone.",
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
  },
  (table, ctx) => {
    if (table.Routes === undefined) return routesMissing(table);
    const natRoutes = table.Routes
      .filter((r) => r.State !== 'blackhole' && routeTarget(r).kind === 'nat-gateway')
      .map((r) => natRoute(routeTarget(r).id, routeDestination(r), ctx));
    if (natRoutes.length === 0) return notApplicable('The table has no active route to a NAT gateway.');
    const subnets = subnetsUsing(table, ctx).map((id) => ({ subnet: id, subnetAz: ctx.model.subnet(id)?.AvailabilityZone }));
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
        if (s.subnetAz === undefined) {
          unknown.push({ natGateway: r.natGateway, destination: r.destination, reason: `subnet ${s.subnet} has no AvailabilityZone` });
        } else if (s.subnetAz !== r.natAz) {
          crossAz.push({ subnet: s.subnet, subnetAz: s.subnetAz, natGateway: r.natGateway, natAz: r.natAz, destination: r.destination });
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
      subnets,
    });
  },
);

function natRoute(natGateway: string, destination: string, ctx: EvaluationContext): NatRoute {
  const nat = natGatewaysById(ctx).get(natGateway);
  if (!nat) return { natGateway, destination, unknown: `NAT gateway ${natGateway} is not in the snapshot` };
  if ((nat as { AvailabilityMode?: unknown }).AvailabilityMode === 'regional') return { natGateway, destination, regional: true };
  if (!nat.SubnetId) return { natGateway, destination, unknown: `NAT gateway ${natGateway} has no SubnetId` };
  const subnet = ctx.model.subnet(nat.SubnetId);
  if (!subnet) return { natGateway, destination, unknown: `the NAT gateway's subnet ${nat.SubnetId} is not in the snapshot` };
  if (!subnet.AvailabilityZone) return { natGateway, destination, unknown: `the NAT gateway's subnet ${nat.SubnetId} has no AvailabilityZone` };
  return { natGateway, destination, natAz: subnet.AvailabilityZone };
}

function natGatewaysById(ctx: EvaluationContext): Map<string, NatGateway> {
  return ctx.memo(ctx.model, 'nat-gateways-by-id', () => new Map((ctx.model.snapshot.NatGateways ?? []).map((n) => [n.NatGatewayId, n])));
}

function brief(r: NatRoute): Record<string, string> {
  return { natGateway: r.natGateway, natAz: r.regional ? 'regional' : (r.natAz ?? 'unknown'), destination: r.destination };
}
