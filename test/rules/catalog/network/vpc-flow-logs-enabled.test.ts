import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/network/vpc-flow-logs-enabled';
import { check, VPC } from '../../../helpers';
import { eni, flowLog, subnet } from './network-fixtures';

const ID = 'vpc-flow-logs-enabled';
type Json = Record<string, unknown>;

const snapshotOf = (logs: Json[], extra: Json = {}) => ({ Vpcs: [VPC], Subnets: [subnet('subnet-1')], FlowLogs: logs, ...extra });

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, Vpc, FSBP EC2.6, CIS 3.7, needs FlowLogs)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('Vpc');
    expect(rule.meta.compliance).toEqual({ 'aws-fsbp': ['EC2.6'], 'cis-aws-3.0': ['3.7'] });
    expect(rule.meta.remediation.kind).toBeUndefined();
    expect(rule.meta.remediation.defaultMode).toBe('notify');
    expect(rule.meta.remediation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/.*#ec2-6$/);
    expect(rule.meta.inputs).toEqual(['FlowLogs']);
    expect(rule.meta.triggers.cloudTrailEvents).toEqual(expect.arrayContaining(['CreateFlowLogs', 'DeleteFlowLogs']));
    expect(rule.meta.triggers.configResourceTypes).toContain('AWS::EC2::VPC');
  });

  describe('PASS', () => {
    it('an ACTIVE flow log of ALL traffic on the VPC, delivering', () => {
      // Arrange
      const snapshot = snapshotOf([flowLog('fl-1', 'vpc-1')]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ flowLogs: [{ flowLog: 'fl-1', flowLogStatus: 'ACTIVE', trafficType: 'ALL', deliverLogsStatus: 'SUCCESS' }] });
    });

    it('REJECT-only is enough, and a broken log beside a good one does not matter', () => {
      // Arrange
      const snapshot = snapshotOf([flowLog('fl-bad', 'vpc-1', { DeliverLogsStatus: 'FAILED' }), flowLog('fl-rej', 'vpc-1', { TrafficType: 'REJECT' })]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ flowLogs: [{ flowLog: 'fl-rej', flowLogStatus: 'ACTIVE', trafficType: 'REJECT', deliverLogsStatus: 'SUCCESS' }] });
    });

    it('a DeliverLogsStatus other than FAILED (absent) counts', () => {
      // Arrange
      const { DeliverLogsStatus: _omitted, ...log } = flowLog('fl-1', 'vpc-1');

      // Act
      const f = check(rule, snapshotOf([log]), 'vpc-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence).toEqual({ flowLogs: [{ flowLog: 'fl-1', flowLogStatus: 'ACTIVE', trafficType: 'ALL', deliverLogsStatus: 'unknown' }] });
    });
  });

  describe('FAIL', () => {
    it('a flow log only on a subnet of the VPC', () => {
      // Arrange
      const snapshot = snapshotOf([flowLog('fl-sub', 'subnet-1', { TrafficType: 'REJECT' })]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.resourceType).toBe('AWS::EC2::VPC');
      expect(f.evidence).toEqual({
        missing: ['a flow log on the VPC itself'],
        otherFlowLogs: [{ flowLog: 'fl-sub', resource: 'subnet-1', resourceType: 'subnet' }],
      });
      expect(f.message).toBe('No flow log on the VPC itself; only its subnet subnet-1 (fl-sub) has one.');
    });

    it('flow logs on an interface of the VPC and on another VPC do not count', () => {
      // Arrange
      const snapshot = snapshotOf([flowLog('fl-eni', 'eni-1'), flowLog('fl-other', 'vpc-2')], { NetworkInterfaces: [eni('eni-1')] });

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({
        missing: ['a flow log on the VPC itself'],
        otherFlowLogs: [{ flowLog: 'fl-eni', resource: 'eni-1', resourceType: 'network interface' }],
      });
    });

    it('no flow log at all', () => {
      // Arrange
      const snapshot = snapshotOf([]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toEqual({ missing: ['a flow log on the VPC itself'], otherFlowLogs: [] });
      expect(f.message).toBe('No flow log on the VPC itself.');
    });

    it('an ACCEPT-only flow log records no rejected traffic', () => {
      // Arrange
      const snapshot = snapshotOf([flowLog('fl-acc', 'vpc-1', { TrafficType: 'ACCEPT' })]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({
        missing: ['TrafficType ACCEPT records no rejected traffic'],
        flowLogs: [
          { flowLog: 'fl-acc', flowLogStatus: 'ACTIVE', trafficType: 'ACCEPT', deliverLogsStatus: 'SUCCESS', problems: ['TrafficType ACCEPT records no rejected traffic'] },
        ],
      });
    });

    it('a flow log whose delivery FAILED', () => {
      // Arrange
      const snapshot = snapshotOf([flowLog('fl-1', 'vpc-1', { DeliverLogsStatus: 'FAILED' })]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ missing: ['DeliverLogsStatus FAILED'] });
      expect(f.message).toBe('No flow log on the VPC is ACTIVE, records rejected traffic and delivers: fl-1: DeliverLogsStatus FAILED.');
    });

    it('an inactive ACCEPT-only log names both problems', () => {
      // Arrange
      const snapshot = snapshotOf([flowLog('fl-1', 'vpc-1', { FlowLogStatus: 'INACTIVE', TrafficType: 'ACCEPT' })]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ missing: ['FlowLogStatus INACTIVE, not ACTIVE', 'TrafficType ACCEPT records no rejected traffic'] });
    });

    it('each criterion met by a different log is not enough: one log must meet all three', () => {
      // Arrange
      const snapshot = snapshotOf([
        flowLog('fl-acc', 'vpc-1', { TrafficType: 'ACCEPT' }),
        flowLog('fl-off', 'vpc-1', { FlowLogStatus: 'INACTIVE' }),
      ]);

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence).toMatchObject({ missing: ['TrafficType ACCEPT records no rejected traffic', 'FlowLogStatus INACTIVE, not ACTIVE'] });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a VPC flow log without TrafficType: missing data is no verdict', () => {
      // Arrange
      const { TrafficType: _omitted, ...log } = flowLog('fl-1', 'vpc-1');

      // Act
      const f = check(rule, snapshotOf([log]), 'vpc-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toMatchObject({ missingInputs: ['FlowLogs[fl-1].TrafficType'] });
    });

    it('a snapshot without FlowLogs names the missing key', () => {
      // Arrange
      const snapshot = { Vpcs: [VPC] };

      // Act
      const f = check(rule, snapshot, 'vpc-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['FlowLogs'] });
    });

    it('a snapshot without Vpcs has nothing to evaluate', () => {
      // Arrange
      const snapshot = { FlowLogs: [] };

      // Act
      const f = check(rule, snapshot, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['Vpcs'] });
    });
  });
});
