import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../rules/catalog';
import { FRAMEWORKS } from '../../../rules/frameworks';
import { rulesMarkdown } from '../../../rules/report/rules-md';

// Ids, severities, resource kinds and remediation kinds as catalog.md fixes them.
const EXPECTED: Record<string, [string, string, string | undefined, string]> = {
  'sg-no-public-admin-ports': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'auto'],
  'sg-no-public-high-risk-ports': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'notify'],
  'sg-no-public-all-traffic': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'auto'],
  'sg-public-ports-authorized': ['SecurityGroup', 'HIGH', 'revoke-public-ingress', 'notify'],
  'sg-default-closed': ['SecurityGroup', 'HIGH', 'close-default-sg', 'notify'],
  'sg-attached': ['SecurityGroup', 'LOW', undefined, 'notify'],
  'sg-rule-count': ['SecurityGroup', 'LOW', undefined, 'notify'],
  'sg-no-unfilterable-targets': ['SecurityGroup', 'INFORMATIONAL', undefined, 'notify'],
  'nacl-no-public-admin-ports': ['NetworkAcl', 'MEDIUM', 'deny-in-nacl', 'notify'],
  'nacl-no-public-all-traffic': ['NetworkAcl', 'MEDIUM', 'deny-in-nacl', 'notify'],
  'nacl-associated': ['NetworkAcl', 'LOW', undefined, 'notify'],
  'nacl-no-shadowed-entries': ['NetworkAcl', 'LOW', undefined, 'notify'],
  'nacl-return-traffic-allowed': ['NetworkAcl', 'LOW', undefined, 'notify'],
  'nacl-no-unfilterable-targets': ['NetworkAcl', 'INFORMATIONAL', undefined, 'notify'],
};

describe('rule catalog metadata', () => {
  it('holds exactly the security-group and network-ACL rules of catalog.md', () => {
    expect(CATALOG.map((r) => r.meta.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s has the catalog severity, kind and remediation', (id, [kind, severity, fix, mode]) => {
    const { meta } = CATALOG.find((r) => r.meta.id === id)!;
    expect([meta.resourceKind, meta.severity, meta.remediation.kind, meta.remediation.defaultMode]).toEqual([kind, severity, fix, mode]);
    expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.remediation.url).toMatch(/^https:\/\//);
    expect(meta.triggers.cloudTrailEvents.length).toBeGreaterThan(0);
    expect(meta.triggers.configResourceTypes.length).toBeGreaterThan(0);
    for (const framework of Object.keys(meta.compliance)) expect(FRAMEWORKS).toHaveProperty(framework);
  });

  it('maps the FSBP and CIS requirements catalog.md names', () => {
    const refs = (id: string) => CATALOG.find((r) => r.meta.id === id)!.meta.compliance;
    expect(refs('sg-no-public-admin-ports')).toEqual({ 'aws-fsbp': ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54'], 'cis-aws-3.0': ['5.2', '5.3'] });
    expect(refs('sg-default-closed')).toEqual({ 'aws-fsbp': ['EC2.2'], 'cis-aws-3.0': ['5.4'] });
    expect(refs('nacl-no-public-admin-ports')).toEqual({ 'aws-fsbp': ['EC2.21'], 'cis-aws-3.0': ['5.1'] });
    expect(refs('nacl-associated')).toEqual({ 'aws-fsbp': ['EC2.16'] });
  });

  it('RULES.md is generated from the metadata and up to date (npm run rules:md)', () => {
    expect(readFileSync('RULES.md', 'utf8')).toBe(rulesMarkdown(CATALOG));
  });
});
