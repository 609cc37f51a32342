import type { AnyRule } from '../../engine/rule';
import eniSourceDestCheckEnabled from './eni-source-dest-check-enabled';
import natGatewayInPublicSubnet from './nat-gateway-in-public-subnet';
import natGatewaySameAzRoutes from './nat-gateway-same-az-routes';
import routeTableNoBlackholeRoutes from './route-table-no-blackhole-routes';
import subnetNoAutoPublicIp from './subnet-no-auto-public-ip';
import vpcFlowLogsEnabled from './vpc-flow-logs-enabled';

/** Route, NAT, interface, VPC and subnet rules, in catalog order. */
export const NETWORK_RULES: readonly AnyRule[] = [
  natGatewayInPublicSubnet,
  natGatewaySameAzRoutes,
  routeTableNoBlackholeRoutes,
  eniSourceDestCheckEnabled,
  vpcFlowLogsEnabled,
  subnetNoAutoPublicIp,
];
