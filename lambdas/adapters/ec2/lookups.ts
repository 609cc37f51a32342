import type { EC2Client } from '@aws-sdk/client-ec2';
import { RESOURCE_KINDS } from '../../../rules/engine/resources';
import type { LookupResolver } from '../../app/ports';
import type { Lookup } from '../../events/affected';
import { sourceOf } from './sources';

type Item = Record<string, unknown>;

/**
 * Resolves the lookups of change events with the same Describe calls as the collector (SOURCES:
 * read-only, one call per distinct lookup). A group named by GroupName is asked for by name
 * (EC2 resolves a name only in the default VPC); a name that no longer exists finds nothing.
 */
export function ec2LookupResolver(ec2: EC2Client): LookupResolver {
  return {
    async resolve(lookups) {
      const found = await Promise.all(lookups.map((l) => resolveOne(ec2, l)));
      return found.flat();
    },
  };
}

async function resolveOne(ec2: EC2Client, lookup: Lookup) {
  const source = sourceOf(lookup.describe)!;
  const input = lookup.inDefaultVpc ? { GroupNames: [lookup.value] } : { Filters: [{ Name: lookup.filter, Values: [lookup.value] }] };
  let items: Item[];
  try {
    items = (((await ec2.send(new source.command(input) as never)) as unknown as Item)[source.field] ?? []) as Item[];
  } catch (err) {
    if ((err as Error).name === 'InvalidGroup.NotFound') return [];
    throw err;
  }
  const kind = RESOURCE_KINDS[lookup.kind];
  return items.flatMap((item) => {
    const vpcId = typeof item.VpcId === 'string' ? item.VpcId : undefined;
    if (kind.snapshotKey === lookup.describe) return [{ kind: lookup.kind, id: kind.id(item as never), vpcId }];
    // A subnet found through an association of a NACL or route table: the association that matched.
    return ((item.Associations ?? []) as Item[])
      .filter((a) => typeof a.SubnetId === 'string' && Object.values(a).includes(lookup.value))
      .map((a) => ({ kind: lookup.kind, id: a.SubnetId as string, vpcId }));
  });
}
