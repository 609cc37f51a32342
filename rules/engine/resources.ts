import type { SnapshotModel } from './model';
import type { NetworkAcl, SecurityGroup, SnapshotKey, Tag } from './snapshot-schema';
import type { ResourceKindName } from './types';

export interface ResourceOf {
  SecurityGroup: SecurityGroup;
  NetworkAcl: NetworkAcl;
}

/** How the engine lists, names and tags each kind of resource; rules never repeat this. */
export interface ResourceKind<R> {
  /** CloudFormation type, used in findings (design.md). */
  cfnType: string;
  /** ASFF Resources[].Type. */
  asffType: string;
  /** Config resource type that triggers re-evaluation. */
  configType: string;
  snapshotKey: SnapshotKey;
  /** ARN resource part: arn:PARTITION:ec2:REGION:ACCOUNT:<arnType>/<id>. */
  arnType: string;
  list(model: SnapshotModel): R[];
  id(resource: R): string;
  tags(resource: R): Tag[] | undefined;
}

export const RESOURCE_KINDS: { [K in ResourceKindName]: ResourceKind<ResourceOf[K]> } = {
  SecurityGroup: {
    cfnType: 'AWS::EC2::SecurityGroup',
    asffType: 'AwsEc2SecurityGroup',
    configType: 'AWS::EC2::SecurityGroup',
    snapshotKey: 'SecurityGroups',
    arnType: 'security-group',
    list: (m) => m.securityGroups,
    id: (r) => r.GroupId,
    tags: (r) => r.Tags,
  },
  NetworkAcl: {
    cfnType: 'AWS::EC2::NetworkAcl',
    asffType: 'AwsEc2NetworkAcl',
    configType: 'AWS::EC2::NetworkAcl',
    snapshotKey: 'NetworkAcls',
    arnType: 'network-acl',
    list: (m) => m.networkAcls,
    id: (r) => r.NetworkAclId,
    tags: (r) => r.Tags,
  },
};

export function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

export function resourceArn(kind: ResourceKindName, id: string, account: string, region: string): string {
  return `arn:${partitionOf(region)}:ec2:${region}:${account}:${RESOURCE_KINDS[kind].arnType}/${id}`;
}
