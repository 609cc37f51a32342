import type { AnyRule } from '../../engine/rule';
import clientVpnConnectionLogging from './client-vpn-connection-logging';
import clientVpnNoAuthorizeAll from './client-vpn-no-authorize-all';
import clientVpnSplitTunnelPolicy from './client-vpn-split-tunnel-policy';
import customerGatewayInUse from './customer-gateway-in-use';
import vpnCertificateAuth from './vpn-certificate-auth';
import vpnGatewayAttached from './vpn-gateway-attached';
import vpnIkev2Only from './vpn-ikev2-only';
import vpnStrongCrypto from './vpn-strong-crypto';
import vpnTunnelLoggingEnabled from './vpn-tunnel-logging-enabled';
import vpnTunnelsUp from './vpn-tunnels-up';

/** The VPN and Client VPN rules of docs/semantics.md, in its order. */
export const VPN_RULES: readonly AnyRule[] = [
  vpnTunnelsUp,
  vpnTunnelLoggingEnabled,
  vpnIkev2Only,
  vpnStrongCrypto,
  vpnCertificateAuth,
  vpnGatewayAttached,
  customerGatewayInUse,
  clientVpnConnectionLogging,
  clientVpnNoAuthorizeAll,
  clientVpnSplitTunnelPolicy,
];
