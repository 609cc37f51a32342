/**
 * CloudTrail events after which a resource must be evaluated again. Tag events are included:
 * adding or removing an exemption tag changes the verdict.
 */
const TAG_EVENTS = ['CreateTags', 'DeleteTags'];

export const SECURITY_GROUP_TRIGGERS = {
  cloudTrailEvents: [
    'CreateSecurityGroup',
    'AuthorizeSecurityGroupIngress',
    'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress',
    'RevokeSecurityGroupEgress',
    'ModifySecurityGroupRules',
    ...TAG_EVENTS,
  ],
  configResourceTypes: ['AWS::EC2::SecurityGroup'],
};

/** Attachment changes: a group gains or loses interfaces. */
export const SECURITY_GROUP_USE_TRIGGERS = {
  cloudTrailEvents: [
    ...SECURITY_GROUP_TRIGGERS.cloudTrailEvents,
    'CreateNetworkInterface',
    'DeleteNetworkInterface',
    'ModifyNetworkInterfaceAttribute',
    'RunInstances',
    'TerminateInstances',
  ],
  configResourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::NetworkInterface'],
};

export const NETWORK_ACL_TRIGGERS = {
  cloudTrailEvents: [
    'CreateNetworkAcl',
    'CreateNetworkAclEntry',
    'ReplaceNetworkAclEntry',
    'DeleteNetworkAclEntry',
    'ReplaceNetworkAclAssociation',
    ...TAG_EVENTS,
  ],
  configResourceTypes: ['AWS::EC2::NetworkAcl'],
};

export const SG_RULES_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html';
export const NACL_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html';
export const FSBP_EC2_DOC = 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html';
