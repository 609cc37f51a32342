/**
 * CloudTrail events after which VPN resources must be evaluated again. Tag events are included:
 * adding or removing an exemption tag changes the verdict. Tunnel status (vpn-tunnels-up) changes
 * without any API call, so only a scheduled sweep notices a tunnel going DOWN.
 */
const TAG_EVENTS = ['CreateTags', 'DeleteTags'];

export const VPN_CONNECTION_TRIGGERS = {
  cloudTrailEvents: [
    'CreateVpnConnection',
    'ModifyVpnConnection',
    'ModifyVpnConnectionOptions',
    'ModifyVpnTunnelOptions',
    'DeleteVpnConnection',
    ...TAG_EVENTS,
  ],
  configResourceTypes: ['AWS::EC2::VPNConnection'],
};

/** vpn-certificate-auth also reads the connection's customer gateway. */
export const VPN_AUTH_TRIGGERS = {
  cloudTrailEvents: [...VPN_CONNECTION_TRIGGERS.cloudTrailEvents, 'CreateCustomerGateway', 'DeleteCustomerGateway'],
  configResourceTypes: ['AWS::EC2::VPNConnection', 'AWS::EC2::CustomerGateway'],
};

export const VPN_GATEWAY_TRIGGERS = {
  cloudTrailEvents: ['CreateVpnGateway', 'AttachVpnGateway', 'DetachVpnGateway', ...TAG_EVENTS],
  configResourceTypes: ['AWS::EC2::VPNGateway'],
};

/** A customer gateway gains or loses use when connections are created or deleted. */
export const CUSTOMER_GATEWAY_TRIGGERS = {
  cloudTrailEvents: ['CreateCustomerGateway', 'CreateVpnConnection', 'DeleteVpnConnection', ...TAG_EVENTS],
  configResourceTypes: ['AWS::EC2::CustomerGateway', 'AWS::EC2::VPNConnection'],
};

export const CLIENT_VPN_TRIGGERS = {
  cloudTrailEvents: ['CreateClientVpnEndpoint', 'ModifyClientVpnEndpoint', ...TAG_EVENTS],
  configResourceTypes: ['AWS::EC2::ClientVpnEndpoint'],
};

export const CLIENT_VPN_AUTHORIZATION_TRIGGERS = {
  cloudTrailEvents: [...CLIENT_VPN_TRIGGERS.cloudTrailEvents, 'AuthorizeClientVpnIngress', 'RevokeClientVpnIngress'],
  configResourceTypes: ['AWS::EC2::ClientVpnEndpoint'],
};

export const S2S_VPN_DOC = 'https://docs.aws.amazon.com/vpn/latest/s2svpn';
export const CLIENT_VPN_DOC = 'https://docs.aws.amazon.com/vpn/latest/clientvpn-admin';
export const EC2_API_DOC = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference';
