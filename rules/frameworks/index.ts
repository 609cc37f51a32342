/**
 * Compliance frameworks named in rule metadata, with the titles of the requirements the catalog
 * maps to. Findings and RULES.md show these; ASFF RelatedRequirements use "<framework> <id>".
 */
export const FRAMEWORKS: Record<string, { title: string; requirements: Record<string, string> }> = {
  'aws-fsbp': {
    title: 'AWS Foundational Security Best Practices',
    requirements: {
      'EC2.2': 'VPC default security groups should not allow inbound or outbound traffic',
      'EC2.6': 'VPC flow logging should be enabled in all VPCs',
      'EC2.15': 'Amazon EC2 subnets should not automatically assign public IP addresses',
      'EC2.20': 'Both VPN tunnels for an AWS Site-to-Site VPN connection should be up',
      'EC2.51': 'EC2 Client VPN endpoints should have client connection logging enabled',
      'EC2.171': 'EC2 VPN connections should have logging enabled',
      'EC2.180': 'EC2 network interfaces should have source/destination checking enabled',
      'EC2.183': 'EC2 VPN connections should use IKEv2 only',
      'EC2.13': 'Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 22',
      'EC2.14': 'Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 3389',
      'EC2.16': 'Unused Network Access Control Lists should be removed',
      'EC2.18': 'Security groups should only allow unrestricted incoming traffic for authorized ports',
      'EC2.19': 'Security groups should not allow unrestricted access to ports with high risk',
      'EC2.21': 'Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389',
      'EC2.22': 'Unused Amazon EC2 security groups should be removed (retired control)',
      'EC2.53': 'EC2 security groups should not allow ingress from 0.0.0.0/0 to remote server administration ports',
      'EC2.54': 'EC2 security groups should not allow ingress from ::/0 to remote server administration ports',
    },
  },
  'cis-aws-3.0': {
    title: 'CIS AWS Foundations Benchmark v3.0',
    requirements: {
      '5.1': 'Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports',
      '5.2': 'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports',
      '5.3': 'Ensure no security groups allow ingress from ::/0 to remote server administration ports',
      '5.4': 'Ensure the default security group of every VPC restricts all traffic',
    },
  },
  prowler: { title: 'Prowler check', requirements: {} },
  'aws-config': { title: 'AWS Config managed rule', requirements: {} },
  custodian: { title: 'Cloud Custodian policy', requirements: {} },
  cloudsploit: { title: 'CloudSploit plugin', requirements: {} },
};

/** "aws-fsbp EC2.13" style strings for ASFF Compliance.RelatedRequirements. */
export function relatedRequirements(compliance: Record<string, string[]>): string[] {
  return Object.entries(compliance).flatMap(([fw, ids]) => ids.map((id) => `${fw} ${id}`));
}
