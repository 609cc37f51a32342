import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../rules/catalog';
import { defineRule, fail, listedWithout, pass } from '../../../rules/engine/rule';
import { SECURITY_GROUP_TRIGGERS } from '../../../rules/catalog/triggers';
import type { RuleMetadata } from '../../../rules/engine/types';
import { audit, findingOf, perm, sg } from '../../helpers';

const meta: RuleMetadata & { resourceKind: 'SecurityGroup' } = {
  id: 'test-rule',
  title: 'Test',
  description: 'Test rule',
  severity: 'MEDIUM',
  resourceKind: 'SecurityGroup',
  compliance: {},
  remediation: { text: 'Fix it.', url: 'https://example.com', defaultMode: 'notify' },
  triggers: SECURITY_GROUP_TRIGGERS,
  inputs: [],
  reads: [],
};

describe('evaluate', () => {
  it('turns a throwing rule into ERROR for that resource only, and keeps going', () => {
    // Arrange: a rule that throws on one group
    const flaky = defineRule(meta, (g) => {
      if (g.GroupId === 'sg-bad') throw new Error('boom');
      return fail('always fails');
    });
    // Act
    const findings = audit({ SecurityGroups: [sg('sg-ok'), sg('sg-bad'), sg('sg-ok2')] }, [flaky]);
    // Assert
    expect(findings.map((f) => [f.resourceId, f.status])).toEqual([
      ['sg-ok', 'FAIL'],
      ['sg-bad', 'ERROR'],
      ['sg-ok2', 'FAIL'],
    ]);
    const error = findingOf(findings, 'test-rule', 'sg-bad');
    expect(error.message).toContain('boom');
    expect(error.evidence).toEqual({ error: 'boom' });
    expect(error.severity).toBe('MEDIUM');
  });

  it('lists every evaluation: one finding per rule and resource, passes included', () => {
    const findings = audit({ SecurityGroups: [sg('sg-1'), sg('sg-2')], NetworkAcls: [], NetworkInterfaces: [], Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] });
    const sgRules = CATALOG.filter((r) => r.meta.resourceKind === 'SecurityGroup');
    expect(findings.filter((f) => f.resourceType === 'AWS::EC2::SecurityGroup')).toHaveLength(sgRules.length * 2);
    expect(findings.every((f) => ['PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR'].includes(f.status))).toBe(true);
  });

  it('reports NOT_APPLICABLE naming the key when the resource list is absent, never PASS', () => {
    const findings = audit({ SecurityGroups: [sg('sg-1')] });
    const nacl = findings.filter((f) => f.resourceType === 'AWS::EC2::NetworkAcl');
    expect(nacl.length).toBe(CATALOG.filter((r) => r.meta.resourceKind === 'NetworkAcl').length);
    for (const f of nacl) {
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.resourceId).toBe('snapshot');
      expect(f.evidence).toEqual({ missingInputs: ['NetworkAcls'] });
    }
  });

  it('reports NOT_APPLICABLE for a declared input the snapshot lacks', () => {
    const f = findingOf(audit({ SecurityGroups: [sg('sg-1')] }), 'sg-attached', 'sg-1');
    expect(f.status).toBe('NOT_APPLICABLE');
    expect(f.evidence).toEqual({ missingInputs: ['NetworkInterfaces'] });
  });

  it('skips rules whose mode is off and reports the mode of the others', () => {
    const findings = audit({ SecurityGroups: [sg('sg-1', [perm('tcp', 22, 22, '0.0.0.0/0')])] }, CATALOG, {
      rules: { 'sg-no-public-admin-ports': { mode: 'off' }, 'sg-no-public-all-traffic': { mode: 'dry-run' } },
    });
    expect(findings.some((f) => f.ruleId === 'sg-no-public-admin-ports')).toBe(false);
    expect(findingOf(findings, 'sg-no-public-all-traffic', 'sg-1').remediation.mode).toBe('dry-run');
    expect(findingOf(findings, 'sg-no-public-high-risk-ports', 'sg-1').remediation).toMatchObject({ mode: 'notify', kind: 'revoke-public-ingress' });
  });


  it('gives non-failures INFORMATIONAL severity and failures the rule severity', () => {
    const findings = audit({ SecurityGroups: [sg('sg-open', [perm('tcp', 22, 22, '0.0.0.0/0')]), sg('sg-closed')] });
    expect(findingOf(findings, 'sg-no-public-admin-ports', 'sg-open').severity).toBe('HIGH');
    expect(findingOf(findings, 'sg-no-public-admin-ports', 'sg-closed').severity).toBe('INFORMATIONAL');
  });

  describe('exemptions are decided before anything else (docs/semantics.md "Exemptions")', () => {
    const exempt = (value: string, until?: string) => ({
      Tags: [{ Key: 'vpc-auditor:exempt', Value: value }, ...(until ? [{ Key: 'vpc-auditor:exempt-until', Value: until }] : [])],
    });

    it('an exempted FAIL is PASS with evidence exempted, keeping what was waived', () => {
      // Arrange
      const failing = defineRule(meta, () => fail('open', { port: 22 }));

      // Act
      const f = findingOf(audit({ SecurityGroups: [sg('sg-1', [], exempt('test-rule', '2099-12-31'))] }, [failing]), 'test-rule', 'sg-1');

      // Assert
      expect(f).toMatchObject({ status: 'PASS', severity: 'INFORMATIONAL', message: 'Exempted by tag vpc-auditor:exempt=test-rule until 2099-12-31. Waived: open' });
      expect(f.evidence).toEqual({ exempted: true, exemptTag: 'test-rule', exemptUntil: '2099-12-31', waived: { port: 22 } });
    });

    it('an exempted PASS says it is exempted', () => {
      // Arrange
      const alwaysPass = defineRule(meta, () => pass('fine', { n: 1 }));

      // Act
      const f = findingOf(audit({ SecurityGroups: [sg('sg-1', [], exempt('all'))] }, [alwaysPass]), 'test-rule', 'sg-1');

      // Assert
      expect(f).toMatchObject({ status: 'PASS', message: 'Exempted by tag vpc-auditor:exempt=all.', evidence: { exempted: true, exemptTag: 'all' } });
    });

    it("an exempted resource is PASS even when the rule's declared inputs are missing", () => {
      // Arrange: the rule needs NetworkInterfaces, which the snapshot lacks
      const needsInterfaces = defineRule({ ...meta, inputs: ['NetworkInterfaces'] }, () => fail('never reached'));
      const snapshot = { SecurityGroups: [sg('sg-1', [], exempt('test-rule')), sg('sg-2')] };

      // Act
      const findings = audit(snapshot, [needsInterfaces]);

      // Assert
      expect(findingOf(findings, 'test-rule', 'sg-1')).toMatchObject({
        status: 'PASS',
        message: 'Exempted by tag vpc-auditor:exempt=test-rule.',
        evidence: { exempted: true, notEvaluated: ['NetworkInterfaces'] },
      });
      expect(findingOf(findings, 'test-rule', 'sg-2')).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { missingInputs: ['NetworkInterfaces'] } });
    });

    it('an exempted resource is PASS when the rule itself reports missing data', () => {
      // Arrange
      const unknown = defineRule(meta, (g) => listedWithout('this group', 'SecurityGroups', g.GroupId, 'IpPermissions'));
      const snapshot = { SecurityGroups: [sg('sg-1', [], exempt('test-rule')), sg('sg-2')] };

      // Act
      const findings = audit(snapshot, [unknown]);

      // Assert
      expect(findingOf(findings, 'test-rule', 'sg-1')).toMatchObject({ status: 'PASS', evidence: { exempted: true } });
      expect(findingOf(findings, 'test-rule', 'sg-1').evidence).not.toHaveProperty('waived');
      expect(findingOf(findings, 'test-rule', 'sg-2').status).toBe('NOT_APPLICABLE');
    });

    it('an exempted resource is PASS even when the rule throws on it', () => {
      // Arrange
      const throwing = defineRule(meta, () => {
        throw new Error('boom');
      });

      // Act
      const f = findingOf(audit({ SecurityGroups: [sg('sg-1', [], exempt('all'))] }, [throwing]), 'test-rule', 'sg-1');

      // Assert
      expect(f).toMatchObject({ status: 'PASS', evidence: { exempted: true, waived: { error: 'boom' } } });
    });

    it('a lapsed exemption decides nothing: missing inputs stay NOT_APPLICABLE, a FAIL stays FAIL and says why', () => {
      // Arrange
      const needsInterfaces = defineRule({ ...meta, inputs: ['NetworkInterfaces'] }, () => fail('never reached'));
      const failing = defineRule({ ...meta, id: 'test-fail' }, () => fail('open'));
      const snapshot = { SecurityGroups: [sg('sg-1', [], exempt('all', '2024-01-01'))] };

      // Act
      const findings = audit(snapshot, [needsInterfaces, failing]);

      // Assert
      expect(findingOf(findings, 'test-rule', 'sg-1').status).toBe('NOT_APPLICABLE');
      expect(findingOf(findings, 'test-fail', 'sg-1')).toMatchObject({
        status: 'FAIL',
        evidence: { exemptionLapsed: { value: 'all', until: '2024-01-01', reason: 'exemption expired' } },
      });
    });

    it('a tag naming another rule exempts nothing', () => {
      // Arrange
      const failing = defineRule(meta, () => fail('open'));

      // Act
      const f = findingOf(audit({ SecurityGroups: [sg('sg-1', [], exempt('sg-rule-count'))] }, [failing]), 'test-rule', 'sg-1');

      // Assert
      expect(f).toMatchObject({ status: 'FAIL', message: 'open', evidence: {} });
    });
  });
});
