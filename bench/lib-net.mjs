// VPCs, subnets, gateways, network interfaces, route tables and prefix lists for bench/generate.mjs,
// in the describe-vpcs / describe-subnets / ... shapes (exact EC2 API field names).
import { ipToInt, intToIp, isoTime, tags } from './lib-rand.mjs';

const AZS = [['eu-west-1a', 'euw1-az1'], ['eu-west-1b', 'euw1-az2'], ['eu-west-1c', 'euw1-az3']];
const associated = { State: 'associated' };

/** VPC v with its subnets and internet / egress-only gateways. VPC 0 is the account's default VPC. */
export function buildVpc({ rng, id, acct, region }, inv, v) {
  const isDefault = v === 0;
  const prefix = isDefault ? '172.31' : `10.${v % 256}`;
  const cidr = `${prefix}.0.0/16`;
  const h3 = (0x0c00 + v).toString(16).padStart(4, '0'), h4 = rng.hex(2);
  const v6 = !isDefault && rng.chance(0.3) ? `2a05:d018:${h3}:${h4}00::/56` : null;
  const VpcId = id('vpc');
  const name = isDefault ? 'default' : `${rng.pick(['prod', 'staging', 'dev', 'shared'])}-vpc-${v}`;
  const cidrs = [{ AssociationId: id('vpc-cidr-assoc'), CidrBlock: cidr, CidrBlockState: associated }];
  if (!isDefault && rng.chance(0.1)) {
    cidrs.push({ AssociationId: id('vpc-cidr-assoc'), CidrBlock: `100.64.${(v % 64) * 4}.0/22`, CidrBlockState: associated });
  }
  const v6Assoc = v6 && [{
    AssociationId: id('vpc-cidr-assoc'), Ipv6CidrBlock: v6, Ipv6CidrBlockState: associated,
    NetworkBorderGroup: region, Ipv6Pool: 'Amazon',
  }];
  inv.Vpcs.push({
    CidrBlock: cidr, DhcpOptionsId: id('dopt'), State: 'available', VpcId, OwnerId: acct, InstanceTenancy: 'default',
    ...(v6 ? { Ipv6CidrBlockAssociationSet: v6Assoc } : {}),
    CidrBlockAssociationSet: cidrs, IsDefault: isDefault, Tags: isDefault ? [] : tags({ Name: name }),
  });

  // Default VPC: 3 public default subnets. Others: 4-6 subnets, 1-3 of them public (/20 each).
  const nSub = isDefault ? 3 : rng.int(4, 6);
  const nPub = isDefault ? 3 : rng.int(1, Math.min(3, nSub - 1));
  const subnets = [];
  for (let k = 0; k < nSub; k++) {
    const pub = k < nPub, [az, azId] = AZS[k % 3];
    const sub6 = v6 && (pub || rng.chance(0.5)) ? `2a05:d018:${h3}:${h4}0${k}::/64` : null;
    const SubnetId = id('subnet');
    const s = {
      AvailabilityZone: az, AvailabilityZoneId: azId, AvailableIpAddressCount: 4091, CidrBlock: `${prefix}.${k * 16}.0/20`,
      DefaultForAz: isDefault, MapPublicIpOnLaunch: pub ? isDefault || rng.chance(0.6) : rng.chance(0.03),
      MapCustomerOwnedIpOnLaunch: false, State: 'available', SubnetId, VpcId, OwnerId: acct,
      AssignIpv6AddressOnCreation: !!sub6 && rng.chance(0.2),
      Ipv6CidrBlockAssociationSet: sub6
        ? [{ AssociationId: id('subnet-cidr-assoc'), Ipv6CidrBlock: sub6, Ipv6CidrBlockState: associated }] : [],
      Tags: isDefault ? [] : tags({ Name: `${name}-${pub ? 'public' : 'private'}-${az.slice(-1)}${k}` }),
      SubnetArn: `arn:aws:ec2:${region}:${acct}:subnet/${SubnetId}`, EnableDns64: false, Ipv6Native: false,
      PrivateDnsNameOptionsOnLaunch: {
        HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false,
      },
    };
    inv.Subnets.push(s);
    subnets.push({ s, pub, az, sub6, next: 4, v6next: 1 });
  }

  const igw = id('igw');
  inv.InternetGateways.push({
    Attachments: [{ State: 'available', VpcId }], InternetGatewayId: igw, OwnerId: acct, Tags: tags({ Name: `${name}-igw` }),
  });
  const eigw = v6 && rng.chance(0.6) ? id('eigw') : null;
  if (eigw) inv.EgressOnlyInternetGateways.push({ Attachments: [{ State: 'attached', VpcId }], EgressOnlyInternetGatewayId: eigw, Tags: [] });

  return {
    vpc: { VpcId, prefix, cidr, v6, dns: `${prefix}.0.2` }, isDefault, name, cidrs, subnets, igw, eigw,
    pubs: subnets.filter((x) => x.pub), privs: subnets.filter((x) => !x.pub),
  };
}

/**
 * Returns eni(sub, o) which appends a describe-network-interfaces item. o: { groups, type, managed, requester,
 * description, attachment (bool), instance, sdc, publicIp, eip, v6, tags }.
 */
export function eniFactory({ rng, id, acct, region }, inv, VpcId) {
  return function eni(sub, o) {
    const ip = intToIp(ipToInt(sub.s.CidrBlock.split('/')[0]) + sub.next++);
    sub.s.AvailableIpAddressCount--;
    const privDns = `ip-${ip.replaceAll('.', '-')}.${region}.compute.internal`;
    const assoc = o.publicIp && {
      ...(o.eip ? { AllocationId: id('eipalloc'), AssociationId: id('eipassoc') } : {}),
      IpOwnerId: o.eip ? acct : 'amazon',
      PublicDnsName: `ec2-${o.publicIp.replaceAll('.', '-')}.${region}.compute.amazonaws.com`, PublicIp: o.publicIp,
    };
    const attachment = o.attachment && {
      AttachTime: isoTime(rng), AttachmentId: id(o.instance ? 'eni-attach' : 'ela-attach'),
      DeleteOnTermination: !!o.instance, DeviceIndex: o.instance ? 0 : 1, NetworkCardIndex: 0,
      ...(o.instance ? { InstanceId: o.instance } : {}), InstanceOwnerId: o.instance ? acct : 'amazon-aws', Status: 'attached',
    };
    const v6 = o.v6 && sub.sub6
      ? [{ Ipv6Address: `${sub.sub6.split('::')[0]}:0:0:${rng.hex(4)}:${(sub.v6next++).toString(16)}`, IsPrimaryIpv6: false }] : [];
    const n = {
      ...(assoc ? { Association: assoc } : {}), ...(attachment ? { Attachment: attachment } : {}),
      AvailabilityZone: sub.az, Description: o.description ?? '',
      Groups: o.groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
      InterfaceType: o.type ?? 'interface', Ipv6Addresses: v6, MacAddress: `0a:${rng.hex(10).match(/../g).join(':')}`,
      NetworkInterfaceId: id('eni'), OwnerId: acct, PrivateDnsName: privDns, PrivateIpAddress: ip,
      PrivateIpAddresses: [{ ...(assoc ? { Association: assoc } : {}), Primary: true, PrivateDnsName: privDns, PrivateIpAddress: ip }],
      ...(o.requester ? { RequesterId: o.requester } : {}), RequesterManaged: !!o.managed, SourceDestCheck: o.sdc ?? true,
      Status: o.attachment ? 'in-use' : 'available', SubnetId: sub.s.SubnetId, TagSet: o.tags ?? [], VpcId,
    };
    inv.NetworkInterfaces.push(n);
    return n;
  };
}

/** Main table (no subnets), a public table, and one private table per NAT gateway AZ (cross-AZ when an AZ has none). */
export function buildRouteTables({ rng, id, acct }, inv, net, pls, { nats, natInstance, deadNat }) {
  const { vpc, name, cidrs, igw, eigw, pubs, privs, isDefault } = net;
  const local = cidrs.map((a) => ({ DestinationCidrBlock: a.CidrBlock, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }));
  if (vpc.v6) local.push({ DestinationIpv6CidrBlock: vpc.v6, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' });
  const route = (dest, target, State = 'active') => ({
    ...(dest.startsWith('pl-') ? { DestinationPrefixListId: dest }
      : dest.includes(':') ? { DestinationIpv6CidrBlock: dest } : { DestinationCidrBlock: dest }),
    ...target, Origin: 'CreateRoute', State,
  });
  const table = (suffix, routes, subs, main = false) => {
    const RouteTableId = id('rtb');
    const Associations = subs.map((x) => ({
      Main: false, RouteTableAssociationId: id('rtbassoc'), RouteTableId, SubnetId: x.s.SubnetId, AssociationState: associated,
    }));
    if (main) Associations.unshift({ Main: true, RouteTableAssociationId: id('rtbassoc'), RouteTableId, AssociationState: associated });
    inv.RouteTables.push({
      Associations, PropagatingVgws: [], RouteTableId, Routes: [...local, ...routes],
      Tags: tags({ Name: `${name}-${suffix}` }), VpcId: vpc.VpcId, OwnerId: acct,
    });
  };
  const s3 = rng.chance(0.3) ? [route(pls.s3, { GatewayId: id('vpce') })] : [];
  const internet = [route('0.0.0.0/0', { GatewayId: igw }), ...(vpc.v6 ? [route('::/0', { GatewayId: igw })] : [])];
  table('main', isDefault || rng.chance(0.05) ? internet : [], [], true);
  table('public', [...internet, ...s3], pubs.filter(() => isDefault || rng.chance(0.95)));
  if (!privs.length) return;
  const extra = [];
  if (rng.chance(0.15)) extra.push(route('172.16.0.0/12', { VpcPeeringConnectionId: id('pcx') }));
  if (rng.chance(0.2)) extra.push(route('192.168.0.0/16', { TransitGatewayId: id('tgw') }));
  if (rng.chance(0.1)) extra.push({ ...route('10.250.0.0/16', { GatewayId: id('vgw') }), Origin: 'EnableVgwRoutePropagation' });
  if (eigw) extra.push(route('::/0', { EgressOnlyInternetGatewayId: eigw }));
  if (deadNat) extra.push(route('10.99.0.0/16', { NatGatewayId: deadNat }, 'blackhole'));
  if (rng.chance(0.04)) extra.push(route('10.98.0.0/16', { InstanceId: id('i'), InstanceOwnerId: acct }, 'blackhole'));
  const viaInstance = natInstance && route('0.0.0.0/0', { InstanceId: natInstance.InstanceId, InstanceOwnerId: acct, NetworkInterfaceId: natInstance.NetworkInterfaceId });
  const defaults = nats.length ? nats.map((n) => ({ az: n.az, r: route('0.0.0.0/0', { NatGatewayId: n.id }) }))
    : [{ az: null, r: viaInstance }];
  const buckets = defaults.map(() => []);
  for (const p of privs) {
    if (rng.chance(0.1)) continue; // left on the main table
    const k = defaults.findIndex((d) => d.az === p.az);
    buckets[k >= 0 ? k : 0].push(p);
  }
  defaults.forEach((d, k) => table(`private-${k}`, [...(d.r ? [d.r] : []), ...extra, ...s3], buckets[k]));
}

/** AWS-managed and customer-managed prefix lists; PrefixListEntries for the customer ones. */
export function prefixLists(inv, id, acct, region) {
  const aws = (PrefixListId, PrefixListName) => ({
    PrefixListId, AddressFamily: 'IPv4', State: 'create-complete',
    PrefixListArn: `arn:aws:ec2:${region}:aws:prefix-list/${PrefixListId}`, PrefixListName, Tags: [], OwnerId: 'AWS',
  });
  inv.ManagedPrefixLists.push(aws('pl-6da54004', `com.amazonaws.${region}.s3`), aws('pl-6fa54006', `com.amazonaws.${region}.dynamodb`),
    { ...aws('pl-4fa04526', 'com.amazonaws.global.cloudfront.origin-facing'), MaxEntries: 55, Version: 42 });
  const mine = (name, family, entries) => {
    const PrefixListId = id('pl');
    inv.ManagedPrefixLists.push({
      PrefixListId, AddressFamily: family, State: 'create-complete', PrefixListArn: `arn:aws:ec2:${region}:${acct}:prefix-list/${PrefixListId}`,
      PrefixListName: name, MaxEntries: 10, Version: 1, Tags: tags({ Name: name }), OwnerId: acct,
    });
    inv.PrefixListEntries[PrefixListId] = entries.map(([Cidr, Description]) => ({ Cidr, Description }));
    return PrefixListId;
  };
  return {
    s3: 'pl-6da54004', cloudfront: 'pl-4fa04526',
    offices: mine('corp-offices', 'IPv4', [['81.2.69.160/28', 'London'], ['195.66.224.16/28', 'Paris'], ['62.252.10.32/28', 'Dublin']]),
    vpn: mine('vpn-clients', 'IPv4', [['10.200.0.0/16', 'Client VPN pool'], ['10.201.0.0/16', 'Client VPN pool 2']]),
    v6office: mine('partners-ipv6', 'IPv6', [['2001:db8:1000::/48', 'partner A'], ['2001:db8:2000::/48', 'partner B']]),
    legacyAny: mine('legacy-any', 'IPv4', [['0.0.0.0/1', 'legacy low half'], ['128.0.0.0/1', 'legacy high half']]),
  };
}
