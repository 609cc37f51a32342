/**
 * Compliance frameworks named in rule metadata, with the titles of the requirements the catalog
 * maps to. Findings and RULES.md show these; ASFF RelatedRequirements use "<framework> <id>".
 */
export const FRAMEWORKS: Record<string, { title: string; requirements: Record<string, string> }> = {
  'aws-fsbp': {
    title: 'AWS Foundational Security Best Practices',
    requirements: {
      'EC2.2': 'VPC default security groups should not allow inbound or outbound traffic',
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
};

/** "aws-fsbp EC2.13" style strings for ASFF Compliance.RelatedRequirements. */
export function relatedRequirements(compliance: Record<string, string[]>): string[] {
  return Object.entries(compliance).flatMap(([fw, ids]) => ids.map((id) => `${fw} ${id}`));
}
