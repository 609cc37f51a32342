import { defineRule, fail, notApplicable, pass } from '../../engine/rule';
import { FSBP_EC2_DOC } from '../triggers';
import { SUBNET_ATTRIBUTE_TRIGGERS } from './triggers';

const ATTRIBUTES = ['MapPublicIpOnLaunch', 'AssignIpv6AddressOnCreation'] as const;

export default defineRule(
  {
    id: 'subnet-no-auto-public-ip',
    title: 'Subnets do not assign public addresses automatically',
    description:
      'FAILS when MapPublicIpOnLaunch (a public IPv4 address for every interface launched in the subnet) or AssignIpv6AddressOnCreation (an IPv6 address, globally routable, for every new interface) is true. Evidence says which.',
    severity: 'MEDIUM',
    resourceKind: 'Subnet',
    compliance: { 'aws-fsbp': ['EC2.15'] },
    remediation: {
      text: 'Turn the attribute off (aws ec2 modify-subnet-attribute --no-map-public-ip-on-launch, --no-assign-ipv6-address-on-creation) and give public addresses only to the instances that need them.',
      url: `${FSBP_EC2_DOC}#ec2-15`,
      defaultMode: 'notify',
    },
    triggers: SUBNET_ATTRIBUTE_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (subnet) => {
    const enabled = ATTRIBUTES.filter((a) => subnet[a] === true);
    const evidence = { mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch, assignIpv6AddressOnCreation: subnet.AssignIpv6AddressOnCreation };
    if (enabled.length > 0) return fail(`${enabled.join(' and ')} ${enabled.length === 1 ? 'is' : 'are'} enabled.`, { enabled, ...evidence });
    const missing = ATTRIBUTES.filter((a) => subnet[a] === undefined);
    if (missing.length > 0) {
      return notApplicable(`The snapshot does not give the subnet's ${missing.join(' or ')}.`, {
        missingInputs: missing.map((a) => `Subnets[${subnet.SubnetId}].${a}`),
      });
    }
    return pass('Neither MapPublicIpOnLaunch nor AssignIpv6AddressOnCreation is enabled.', evidence);
  },
);
