import { DescribeNetworkAclsCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ec2LookupResolver } from '../../../../lambdas/adapters/ec2/lookups';
import { sdkError } from '../retry-fixtures';

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());
const resolver = () => ec2LookupResolver(new EC2Client({ region: 'eu-west-1' }));

describe('change-event lookups (Describe calls of SOURCES)', () => {
  it('a group named by GroupName is asked for by name (the default VPC), and found with its VPC', async () => {
    // Arrange
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', VpcId: 'vpc-default' }] });

    // Act
    const found = await resolver().resolve([{ kind: 'SecurityGroup', describe: 'SecurityGroups', filter: 'group-name', value: 'web', inDefaultVpc: true }]);

    // Assert
    expect(found).toEqual([{ kind: 'SecurityGroup', id: 'sg-1', vpcId: 'vpc-default' }]);
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)[0].args[0].input).toEqual({ GroupNames: ['web'] });
  });

  it('a name that no longer exists finds nothing', async () => {
    // Arrange
    ec2.on(DescribeSecurityGroupsCommand).rejects(sdkError('InvalidGroup.NotFound', 400));

    // Act / Assert
    expect(await resolver().resolve([{ kind: 'SecurityGroup', describe: 'SecurityGroups', filter: 'group-name', value: 'gone', inDefaultVpc: true }])).toEqual([]);
  });

  it('a subnet found through a NACL association: the association that matched', async () => {
    // Arrange
    ec2.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [
        {
          NetworkAclId: 'acl-1',
          VpcId: 'vpc-1',
          Associations: [
            { NetworkAclAssociationId: 'aclassoc-1', SubnetId: 'subnet-1' },
            { NetworkAclAssociationId: 'aclassoc-2', SubnetId: 'subnet-2' },
          ],
        },
      ],
    });

    // Act
    const found = await resolver().resolve([{ kind: 'Subnet', describe: 'NetworkAcls', filter: 'association.association-id', value: 'aclassoc-2' }]);

    // Assert
    expect(found).toEqual([{ kind: 'Subnet', id: 'subnet-2', vpcId: 'vpc-1' }]);
    expect(ec2.commandCalls(DescribeNetworkAclsCommand)[0].args[0].input).toEqual({ Filters: [{ Name: 'association.association-id', Values: ['aclassoc-2'] }] });
  });
});
