import type { CloudTrailDetail } from './cloudtrail-event';

/**
 * vpc-auditor's own remediation role. Its changes were planned from a finding, and re-evaluating
 * them would answer every fix with another round of reads (and, were a fix incomplete, another
 * fix). `arn` is the role's ARN (arn:aws:iam::<account>:role/<path><name>); `namePrefix` matches
 * role names such as those CDK generates (`VpcAuditor-RemediateRole…`).
 */
export interface OwnRole {
  arn?: string;
  namePrefix?: string;
}

/** Why an event is not worth evaluating, for the log line; undefined when it must be evaluated. */
export function skipReason(detail: Pick<CloudTrailDetail, 'errorCode' | 'errorMessage' | 'userIdentity'>, ownRole: OwnRole): string | undefined {
  if (detail.errorCode) {
    return `the call failed (${detail.errorCode}${detail.errorMessage ? `: ${detail.errorMessage}` : ''}), so it changed nothing`;
  }
  const role = callerRole(detail.userIdentity);
  if (role && isOwnRole(role, ownRole)) return `the call was made by vpc-auditor's remediation role ${role.name}`;
  return undefined;
}

interface RoleName {
  /** arn:…:iam::<account>:role/<path><name>, when CloudTrail gives the issuer. */
  arn?: string;
  name: string;
}

/**
 * The role behind an assumed-role caller: the session issuer's ARN when CloudTrail records it,
 * else the role name inside `arn:aws:sts::<account>:assumed-role/<name>/<session>` (the STS ARN
 * drops the role's path, so only the name can be compared then).
 */
function callerRole(identity: CloudTrailDetail['userIdentity']): RoleName | undefined {
  const issuer = identity.sessionContext?.sessionIssuer;
  if (issuer?.arn && issuer.type !== 'User') return { arn: issuer.arn, name: issuer.userName ?? lastSegment(issuer.arn) };
  const assumed = /^arn:[^:]+:sts::\d*:assumed-role\/([^/]+)\//.exec(identity.arn ?? '');
  return assumed ? { name: assumed[1] } : undefined;
}

function isOwnRole(role: RoleName, own: OwnRole): boolean {
  if (own.arn && (role.arn ? role.arn === own.arn : role.name === lastSegment(own.arn))) return true;
  return Boolean(own.namePrefix && role.name.startsWith(own.namePrefix));
}

const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
