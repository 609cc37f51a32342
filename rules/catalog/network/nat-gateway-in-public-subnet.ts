import { AddressSet } from '../../engine/address-set';
import type { EvaluationContext } from '../../engine/context';
import { PREFIX_LIST_KEYS } from '../../engine/model';
import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { internetRoutedAddresses, isInEffect, routeDecisions, routeDestination, routeFor, routesMissing, routeTarget, tableForSubnet } from '../../engine/routes';
import type { NatGateway, RouteTable } from '../../engine/snapshot-schema';
import { prefixListInputs } from '../../engine/unknown-prefix-lists';
import { NAT_GATEWAY_DOC, NAT_GATEWAY_PLACEMENT_TRIGGERS } from './triggers';

const ANY_IPV4 = '0.0.0.0/0';

export default defineRule(
  {
    id: 'nat-gateway-in-public-subnet',
    title: 'Public NAT gateways sit in subnets that route to an internet gateway',
    description:
      "FAILS when an available public NAT gateway (ConnectivityType public or absent) sits in a subnet whose route table (explicit association in effect, else the VPC's main table) does not send an internet-open set of public IPv4 addresses to an attached internet gateway by longest-prefix match: normally, no 0.0.0.0/0 route to an igw. Such a gateway cannot reach the internet, so every subnet routed through it has none. A blackhole 0.0.0.0/0 does not count; 0.0.0.0/1 + 128.0.0.0/1 does. Private, regional and not-available NAT gateways are NOT_APPLICABLE.",
    severity: 'HIGH',
    resourceKind: 'NatGateway',
    compliance: {},
    remediation: {
      text: 'Create the NAT gateway in a public subnet (one whose route table sends 0.0.0.0/0 to an internet gateway), point the private route tables at it, then delete the misplaced one.',
      url: NAT_GATEWAY_DOC,
      defaultMode: 'notify',
    },
    triggers: NAT_GATEWAY_PLACEMENT_TRIGGERS,
    inputs: ['Subnets', 'RouteTables'],
    reads: ['InternetGateways', ...PREFIX_LIST_KEYS],
  },
  (nat, ctx) => {
    const scope = outOfScope(nat);
    if (scope) return notApplicable(scope);
    const subnetId = nat.SubnetId;
    if (!subnetId) return notApplicable('The snapshot does not say which subnet the NAT gateway is in (no SubnetId).');
    const table = tableForSubnet(subnetId, ctx);
    if (!table) {
      const why = ctx.model.subnet(subnetId)
        ? `neither an explicit route table association for ${subnetId} nor its VPC's main route table`
        : `neither subnet ${subnetId} nor an explicit route table association for it`;
      return notApplicable(`The snapshot has ${why}: its route table is unknown.`, { subnet: subnetId });
    }
    if (table.Routes === undefined) return routesMissing(table);

    const { addresses, routes, unresolvedPrefixLists, unresolvedElsewhere } = internetRoutedAddresses(table, ctx);
    const internetIpv4 = AddressSet.of(addresses.v4, []);
    const evidence = {
      subnet: subnetId,
      routeTable: table.RouteTableId,
      association: isExplicit(table, subnetId) ? 'explicit' : 'main',
      defaultRoute: defaultRoute(table),
      internetGatewayRoutes: routes
        .filter((r) => r.addresses.v4.length > 0)
        .map((r) => ({ destination: r.destination, internetGateway: r.target.id })),
    };
    if (ctx.exposure.isInternetSized(internetIpv4)) {
      const igws = [...new Set(evidence.internetGatewayRoutes.map((r) => r.internetGateway))];
      // A prefix list routed elsewhere could hold those addresses (0.0.0.0/1 + 128.0.0.0/1 beat
      // 0.0.0.0/0): a PASS would rest on missing data (docs/semantics.md "NOT_APPLICABLE").
      if (unresolvedElsewhere.length > 0) {
        return notApplicable(
          `Cannot decide: ${table.RouteTableId} sends the internet to ${igws.join(', ')}, but also routes prefix lists ${unresolvedElsewhere.join(', ')} elsewhere, and the snapshot lacks their entries (PrefixListEntries).`,
          { ...evidence, missingInputs: prefixListInputs(unresolvedElsewhere) },
        );
      }
      return pass(`In ${subnetId}, whose route table ${table.RouteTableId} sends the internet to ${igws.join(', ')}.`, evidence);
    }
    if (unresolvedPrefixLists.length > 0) {
      return notApplicable(`Cannot decide: ${table.RouteTableId} routes prefix lists ${unresolvedPrefixLists.join(', ')} to an internet gateway, and the snapshot lacks their entries (PrefixListEntries).`, {
        ...evidence,
        missingInputs: prefixListInputs(unresolvedPrefixLists),
      });
    }
    return fail(
      `Public NAT gateway in ${subnetId}, whose route table ${table.RouteTableId} ${whyNotPublic(table, ctx)}: it cannot reach the internet, nor can the subnets routed through it.`,
      evidence,
    );
  },
);

/** Why the rule does not apply to this gateway, or undefined when it does. */
function outOfScope(nat: NatGateway): string | undefined {
  const connectivity = nat.ConnectivityType ?? 'public';
  if (connectivity !== 'public') return `A ${connectivity} NAT gateway does not need an internet gateway.`;
  // Regional NAT gateways (AvailabilityMode "regional") span the VPC's zones and sit in no subnet.
  const mode = (nat as { AvailabilityMode?: unknown }).AvailabilityMode;
  if (mode === 'regional') return 'A regional NAT gateway sits in no subnet.';
  if (nat.State === undefined) return 'The snapshot does not give the NAT gateway\'s State.';
  if (nat.State !== 'available') return `The NAT gateway is ${nat.State}, not available.`;
  return undefined;
}

function isExplicit(table: RouteTable, subnetId: string): boolean {
  return (table.Associations ?? []).some((a) => a.SubnetId === subnetId && isInEffect(a));
}

/** What the table does with 0.0.0.0/0, as written (the literal route), for the evidence. */
function defaultRoute(table: RouteTable): { target: string; targetKind: string; state: string } | 'none' {
  const route = routeFor(table, ANY_IPV4);
  if (!route) return 'none';
  const target = routeTarget(route);
  return { target: target.id || 'unknown', targetKind: target.kind, state: route.State ?? 'unknown' };
}

function whyNotPublic(table: RouteTable, ctx: EvaluationContext): string {
  const route = routeFor(table, ANY_IPV4);
  if (!route) {
    const igwRoutes = (table.Routes ?? []).filter((r) => r.DestinationCidrBlock && routeTarget(r).kind === 'internet-gateway');
    return igwRoutes.length === 0
      ? 'has no 0.0.0.0/0 route and no IPv4 route to an internet gateway'
      : `has no 0.0.0.0/0 route, and its internet gateway routes (${igwRoutes.map(routeDestination).join(', ')}) cover too few public addresses`;
  }
  const target = routeTarget(route);
  if (route.State === 'blackhole') return `routes 0.0.0.0/0 to ${target.id || 'a missing target'}, a blackhole`;
  if (target.kind !== 'internet-gateway') return `routes 0.0.0.0/0 to ${target.id || 'an unknown target'} (${target.kind}), not to an internet gateway`;
  // A route that decides some addresses yet is not an internet route goes to a detached gateway.
  const decides = routeDecisions(table, ctx).some((d) => d.route.route === route);
  const { routes } = internetRoutedAddresses(table, ctx);
  if (decides && !routes.some((r) => r.route === route)) return `routes 0.0.0.0/0 to ${target.id}, which is not attached to its VPC`;
  return `routes 0.0.0.0/0 to ${target.id}, but more specific routes send most public addresses elsewhere`;
}
