import type { EvaluationContext } from '../../engine/context';
import { notApplicable } from '../../engine/rule';
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

export function associatedSubnets(nacl: NetworkAcl): string[] {
  return (nacl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : []));
}
