/** describe-* shaped VPN and Client VPN resources for the rule tests. */
type Json = Record<string, unknown>;

export const values = <T>(...items: T[]) => items.map((Value) => ({ Value }));

/** The strong lists: what the default settings allow, as describe-vpn-connections prints them. */
export const STRONG_LISTS = {
  Phase1EncryptionAlgorithms: values('AES256-GCM-16', 'AES256'),
  Phase2EncryptionAlgorithms: values('AES256-GCM-16', 'AES256'),
  Phase1IntegrityAlgorithms: values('SHA2-256', 'SHA2-384'),
  Phase2IntegrityAlgorithms: values('SHA2-256', 'SHA2-384'),
  Phase1DHGroupNumbers: values(20, 21),
  Phase2DHGroupNumbers: values(20, 21),
};

/** Every option list empty: AWS defaults apply. */
export const EMPTY_LISTS = {
  Phase1EncryptionAlgorithms: [],
  Phase2EncryptionAlgorithms: [],
  Phase1IntegrityAlgorithms: [],
  Phase2IntegrityAlgorithms: [],
  Phase1DHGroupNumbers: [],
  Phase2DHGroupNumbers: [],
  IkeVersions: [],
};

/** A compliant tunnel (ikev2 only, strong lists, logging on); `extra` overrides fields. */
export function tunnel(ip: string, extra: Json = {}): Json {
  return {
    OutsideIpAddress: ip,
    TunnelInsideCidr: '169.254.10.0/30',
    ...STRONG_LISTS,
    IkeVersions: values('ikev2'),
    LogOptions: { CloudWatchLogOptions: { LogEnabled: true, LogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/vpn', LogOutputFormat: 'json' } },
    ...extra,
  };
}

export const TUNNEL_1 = '34.251.76.14';
export const TUNNEL_2 = '52.49.121.203';

/** A compliant available connection with two tunnels, both UP; `extra` overrides fields. */
export function vpnConnection(id: string, extra: Json = {}, tunnels: Json[] = [tunnel(TUNNEL_1), tunnel(TUNNEL_2)]): Json {
  return {
    VpnConnectionId: id,
    State: 'available',
    Type: 'ipsec.1',
    Category: 'VPN',
    CustomerGatewayId: 'cgw-1',
    VpnGatewayId: 'vgw-1',
    Options: { StaticRoutesOnly: true, TunnelOptions: tunnels },
    VgwTelemetry: tunnels.map((t) => ({ OutsideIpAddress: t.OutsideIpAddress, Status: 'UP', StatusMessage: '', AcceptedRouteCount: 0 })),
    ...extra,
  };
}

export function customerGateway(id: string, extra: Json = {}): Json {
  return { CustomerGatewayId: id, BgpAsn: '65000', IpAddress: '192.0.2.20', State: 'available', Type: 'ipsec.1', ...extra };
}

export function vpnGateway(id: string, attachments: Json[], extra: Json = {}): Json {
  return { VpnGatewayId: id, State: 'available', Type: 'ipsec.1', VpcAttachments: attachments, AmazonSideAsn: 64512, ...extra };
}

export function clientVpnEndpoint(id: string, extra: Json = {}): Json {
  return {
    ClientVpnEndpointId: id,
    Status: { Code: 'available' },
    ClientCidrBlock: '172.16.0.0/22',
    SplitTunnel: false,
    VpnProtocol: 'openvpn',
    ConnectionLogOptions: { Enabled: true, CloudwatchLogGroup: '/client-vpn', CloudwatchLogStream: 'connections' },
    ...extra,
  };
}

export function authorizationRule(endpointId: string, cidr: string, extra: Json = {}): Json {
  return { ClientVpnEndpointId: endpointId, GroupId: 'engineers', AccessAll: false, DestinationCidr: cidr, Status: { Code: 'active' }, ...extra };
}

export const tagged = (tags: Record<string, string>) => ({ Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) });
