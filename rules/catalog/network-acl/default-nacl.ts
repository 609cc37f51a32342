import type { EvaluationContext } from '../../engine/context';
import { listedWithout, notApplicable } from '../../engine/rule';
import type { NetworkAcl } from '../../engine/snapshot-schema';
import type { RuleResult } from '../../engine/types';

/**
 * The public-port NACL rules skip a VPC's default NACL unless includeDefaultNacl is set: it
 * allows everything by design and security groups do the filtering there.
 */
export function skipDefaultNacl(nacl: NetworkAcl, ctx: EvaluationContext): RuleResult | null {
  if (!nacl.IsDefault || ctx.settings.includeDefaultNacl) return null;
  return notApplicable('Default network ACL (set includeDefaultNacl to evaluate it).');
}

/** NOT_APPLICABLE when the snapshot has no Entries for the NACL: absent is unknown, not empty. */
export function entriesUnknown(nacl: NetworkAcl): RuleResult | null {
  if (nacl.Entries !== undefined) return null;
  return notApplicable('The snapshot lists no Entries for this network ACL.', { missingInputs: [`NetworkAcls[${nacl.NetworkAclId}].Entries`] });
}

/** NOT_APPLICABLE when the snapshot lists the NACL without Associations: which subnets it filters is unknown. */
export function associationsUnknown(nacl: NetworkAcl): RuleResult | null {
  if (nacl.Associations !== undefined) return null;
  return listedWithout('this network ACL', 'NetworkAcls', nacl.NetworkAclId, 'Associations');
}

export function associatedSubnets(nacl: NetworkAcl): string[] {
  return (nacl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : []));
}
