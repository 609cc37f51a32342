import { describe, expect, it } from 'vitest';
import { type CloudTrailDetail, parseCloudTrailEvent } from '../../../lambdas/events/cloudtrail-event';
import { skipReason } from '../../../lambdas/events/filters';
import { copy, fixture } from './fixtures';

const detail = (): CloudTrailDetail => copy(parseCloudTrailEvent(fixture('cloudtrail-authorize-sg-ingress.eventbridge.json')).detail);
const OWN = { arn: 'arn:aws:iam::215125613612:role/VpcAuditor-RemediateRole', namePrefix: 'VpcAuditor-Remediate' };

/** The fixture's caller turned into vpc-auditor's remediation role. */
function byRole(roleName: string, withIssuer = true): CloudTrailDetail {
  const d = detail();
  d.userIdentity = {
    type: 'AssumedRole',
    arn: `arn:aws:sts::215125613612:assumed-role/${roleName}/remediate-1`,
    ...(withIssuer ? { sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::215125613612:role/${roleName}`, userName: roleName } } } : {}),
  };
  return d;
}

describe('skipReason', () => {
  it('lets a successful call by someone else through', () => {
    expect(skipReason(detail(), OWN)).toBeUndefined();
  });

  it('skips a failed call, naming its error', () => {
    const d = { ...detail(), errorCode: 'Client.InvalidPermission.Duplicate', errorMessage: 'the rule already exists', responseElements: null };
    expect(skipReason(d, OWN)).toBe('the call failed (Client.InvalidPermission.Duplicate: the rule already exists), so it changed nothing');
  });

  it('skips a call by the remediation role, matched on the session issuer ARN', () => {
    expect(skipReason(byRole('VpcAuditor-RemediateRole'), { arn: OWN.arn })).toBe("the call was made by vpc-auditor's remediation role VpcAuditor-RemediateRole");
  });

  it('skips a call by a role whose name has the prefix (CDK appends a suffix)', () => {
    expect(skipReason(byRole('VpcAuditor-RemediateRoleA1B2C3'), { namePrefix: OWN.namePrefix })).toMatch(/remediation role VpcAuditor-RemediateRoleA1B2C3$/);
  });

  it('falls back to the role name in the assumed-role ARN when there is no session issuer', () => {
    expect(skipReason(byRole('VpcAuditor-RemediateRole', false), { arn: OWN.arn })).toMatch(/remediation role/);
  });

  it('does not skip another role, nor a role whose name only contains the prefix', () => {
    expect(skipReason(byRole('Admin'), OWN)).toBeUndefined();
    expect(skipReason(byRole('Team-VpcAuditor-RemediateRole'), { namePrefix: OWN.namePrefix })).toBeUndefined();
  });

  it('compares a role with a path by its full ARN', () => {
    const d = detail(); // the fixture's SSO role lives under /aws-reserved/sso.amazonaws.com/eu-central-1/
    const arn = d.userIdentity.sessionContext!.sessionIssuer!.arn!;
    expect(skipReason(d, { arn })).toMatch(/AWS_AdministratorAccess_11agga1jh2g5jk1$/);
    expect(skipReason(d, { arn: 'arn:aws:iam::215125613612:role/AWS_AdministratorAccess_11agga1jh2g5jk1' })).toBeUndefined();
  });
});
