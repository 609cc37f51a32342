import { defineRule, fail, pass } from '../../engine/rule';
import { routeDestination, routesMissing, routeTarget } from '../../engine/routes';
import { BLACKHOLE_ROUTE_TRIGGERS, ROUTE_TABLES_DOC } from './triggers';

export default defineRule(
  {
    id: 'route-table-no-blackhole-routes',
    title: 'Route tables have no blackhole routes',
    description:
      'FAILS when a route\'s State is blackhole: its target (a NAT gateway, instance, network interface, peering connection or gateway) was deleted, stopped or detached, and traffic to the destination is dropped. A later resource that reuses the path can silently receive it. Evidence: each destination and its missing target.',
    severity: 'MEDIUM',
    resourceKind: 'RouteTable',
    compliance: {},
    remediation: {
      text: 'Delete each blackhole route, or replace it with a route to a target that exists.',
      url: ROUTE_TABLES_DOC,
      defaultMode: 'notify',
    },
    triggers: BLACKHOLE_ROUTE_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (table) => {
    if (!table.Routes) return routesMissing(table);
    const blackholes = table.Routes.filter((r) => r.State === 'blackhole').map((r) => {
      const target = routeTarget(r);
      return { destination: routeDestination(r), target: target.id || 'unknown', targetKind: target.kind };
    });
    if (blackholes.length === 0) return pass(`None of its ${table.Routes.length} route(s) is a blackhole.`);
    const listed = blackholes.map((b) => `${b.destination} → ${b.target} (${b.targetKind})`).join(', ');
    return fail(`${blackholes.length} blackhole route(s), whose target no longer exists or is unavailable: ${listed}.`, {
      blackholeRoutes: blackholes,
    });
  },
);
