import { describe, expect, it } from 'vitest';
import rule from '../../../../rules/catalog/vpn/vpn-strong-crypto';
import type { SettingsInput } from '../../../../rules/engine/settings';
import { check } from '../../../helpers';
import { EMPTY_LISTS, tagged, tunnel, TUNNEL_1, TUNNEL_2, values, vpnConnection } from './vpn-fixtures';

const ID = 'vpn-strong-crypto';
const only = (...vpns: Record<string, unknown>[]) => ({ VpnConnections: vpns });
const withTunnels = (t1: Record<string, unknown>, t2: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  vpnConnection('vpn-1', extra, [tunnel(TUNNEL_1, t1), tunnel(TUNNEL_2, t2)]);

const DEFAULT_ALLOWED = {
  encryption: ['AES256', 'AES256-GCM-16'],
  integrity: ['SHA2-256', 'SHA2-384', 'SHA2-512'],
  dhGroups: [14, 15, 16, 17, 18, 19, 20, 21],
};

/** What the AWS defaults of empty lists permit outside the default settings. */
const WEAK_DEFAULTS = {
  phase1: { encryption: ['AES128', 'AES128-GCM-16'], integrity: ['SHA1'], dhGroups: [2, 22, 23, 24], fromDefaults: true },
  phase2: { encryption: ['AES128', 'AES128-GCM-16'], integrity: ['SHA1'], dhGroups: [2, 5, 22, 23, 24], fromDefaults: true },
};

describe(ID, () => {
  it('has the catalog metadata (MEDIUM, no framework anchor, notify)', () => {
    expect(rule.meta.id).toBe(ID);
    expect(rule.meta.severity).toBe('MEDIUM');
    expect(rule.meta.resourceKind).toBe('VpnConnection');
    expect(rule.meta.compliance).toEqual({});
    expect(rule.meta.remediation.defaultMode).toBe('notify');
  });

  describe('PASS', () => {
    it('explicit strong lists on both tunnels and phases', () => {
      // Act
      const f = check(rule, only(vpnConnection('vpn-1')), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ tunnels: [TUNNEL_1, TUNNEL_2], allowed: DEFAULT_ALLOWED });
    });

    it('every strong value AWS offers: AES256, AES256-GCM-16, SHA2-256/384/512, DH 14-21', () => {
      // Arrange
      const strongest = {
        Phase1EncryptionAlgorithms: values('AES256', 'AES256-GCM-16'),
        Phase1IntegrityAlgorithms: values('SHA2-256', 'SHA2-384', 'SHA2-512'),
        Phase1DHGroupNumbers: values(14, 15, 16, 17, 18, 19, 20, 21),
        Phase2DHGroupNumbers: values(14, 15, 16, 17, 18, 19, 20, 21),
      };

      // Act
      const f = check(rule, only(withTunnels(strongest, strongest)), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
    });

    it('settings that allow every AWS default make empty lists pass', () => {
      // Arrange
      const settings = {
        vpnEncryptionAlgorithms: ['AES128', 'AES256', 'AES128-GCM-16', 'AES256-GCM-16'],
        vpnIntegrityAlgorithms: ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'],
        vpnDhGroups: [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
      } satisfies SettingsInput;

      // Act
      const f = check(rule, only(withTunnels(EMPTY_LISTS, EMPTY_LISTS)), 'vpn-1', settings);

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.evidence.allowed).toEqual({ encryption: settings.vpnEncryptionAlgorithms, integrity: settings.vpnIntegrityAlgorithms, dhGroups: settings.vpnDhGroups });
    });

    it('vpnEncryptionAlgorithms including AES128 lets an explicit AES128 pass', () => {
      // Arrange
      const aes128 = { Phase1EncryptionAlgorithms: values('AES128'), Phase2EncryptionAlgorithms: values('AES128') };

      // Act
      const f = check(rule, only(withTunnels(aes128, aes128)), 'vpn-1', { vpnEncryptionAlgorithms: ['AES128', 'AES256'] });

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
    });
  });

  describe('FAIL', () => {
    it('empty lists: the AWS defaults name AES128, SHA1 and DH group 2, marked fromDefaults', () => {
      // Act
      const f = check(rule, only(withTunnels(EMPTY_LISTS, EMPTY_LISTS)), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence).toEqual({
        tunnels: [
          { tunnel: TUNNEL_1, ...WEAK_DEFAULTS },
          { tunnel: TUNNEL_2, ...WEAK_DEFAULTS },
        ],
        allowed: DEFAULT_ALLOWED,
      });
      expect(f.message).toContain(`${TUNNEL_1}: phase 1 AES128, AES128-GCM-16, SHA1, DH group 2, DH group 22, DH group 23, DH group 24 (AWS defaults of an empty list)`);
    });

    it('option lists absent altogether are the AWS defaults too', () => {
      // Arrange
      const absent = Object.fromEntries(Object.keys(EMPTY_LISTS).map((k) => [k, undefined]));

      // Act
      const f = check(rule, only(withTunnels(absent)), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence.tunnels).toEqual([{ tunnel: TUNNEL_1, ...WEAK_DEFAULTS }]);
    });

    it('an explicit weak phase 1 encryption: only that value, not from defaults, phase 2 clean', () => {
      // Arrange
      const weak = { Phase1EncryptionAlgorithms: values('AES128', 'AES256') };

      // Act
      const f = check(rule, only(withTunnels({}, weak)), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.severity).toBe('MEDIUM');
      expect(f.evidence.tunnels).toEqual([{ tunnel: TUNNEL_2, phase1: { encryption: ['AES128'], fromDefaults: false } }]);
      expect(f.message).toBe(`Available connection: 1 of 2 tunnels permit weak values. ${TUNNEL_2}: phase 1 AES128.`);
    });

    it('explicit weak phase 2 integrity and DH group', () => {
      // Arrange
      const weak = { Phase2IntegrityAlgorithms: values('SHA1', 'SHA2-256'), Phase2DHGroupNumbers: values(5, 14) };

      // Act
      const f = check(rule, only(withTunnels(weak)), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence.tunnels).toEqual([{ tunnel: TUNNEL_1, phase2: { integrity: ['SHA1'], dhGroups: [5], fromDefaults: false } }]);
    });

    it('some lists explicit, some empty: defaultedLists names the ones from AWS defaults', () => {
      // Arrange
      const mixed = { Phase1EncryptionAlgorithms: values('AES128'), Phase1DHGroupNumbers: [] };

      // Act
      const f = check(rule, only(withTunnels(mixed)), 'vpn-1');

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence.tunnels).toEqual([
        { tunnel: TUNNEL_1, phase1: { encryption: ['AES128'], dhGroups: [2, 22, 23, 24], fromDefaults: true, defaultedLists: ['dhGroups'] } },
      ]);
    });

    it('vpnDhGroups narrowed to 19-21: an explicit group 14 fails', () => {
      // Arrange
      const group14 = { Phase1DHGroupNumbers: values(14, 20) };

      // Act
      const f = check(rule, only(withTunnels(group14)), 'vpn-1', { vpnDhGroups: [19, 20, 21] });

      // Assert
      expect(f.status).toBe('FAIL');
      expect(f.evidence.tunnels).toEqual([{ tunnel: TUNNEL_1, phase1: { dhGroups: [14], fromDefaults: false } }]);
      expect(f.evidence.allowed).toEqual({ ...DEFAULT_ALLOWED, dhGroups: [19, 20, 21] });
    });

    it('vpnIntegrityAlgorithms narrowed to SHA2-512: the default fixture SHA2-256/384 fails', () => {
      // Act
      const f = check(rule, only(vpnConnection('vpn-1')), 'vpn-1', { vpnIntegrityAlgorithms: ['SHA2-512'] });

      // Assert
      expect(f.status).toBe('FAIL');
      const first = (f.evidence.tunnels as Record<string, unknown>[])[0];
      expect(first).toEqual({
        tunnel: TUNNEL_1,
        phase1: { integrity: ['SHA2-256', 'SHA2-384'], fromDefaults: false },
        phase2: { integrity: ['SHA2-256', 'SHA2-384'], fromDefaults: false },
      });
    });
  });

  describe('NOT_APPLICABLE', () => {
    it('a deleted connection with AWS defaults', () => {
      // Act
      const f = check(rule, only(withTunnels(EMPTY_LISTS, EMPTY_LISTS, { State: 'deleted' })), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toEqual({ state: 'deleted' });
    });

    it('a connection without tunnel options', () => {
      // Act
      const f = check(rule, only(vpnConnection('vpn-1', { Options: undefined })), 'vpn-1');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.message).toContain('no Options.TunnelOptions');
    });

    it('a snapshot without VpnConnections names the missing key', () => {
      // Act
      const f = check(rule, {}, 'snapshot');

      // Assert
      expect(f.status).toBe('NOT_APPLICABLE');
      expect(f.evidence).toEqual({ missingInputs: ['VpnConnections'] });
    });
  });

  describe('exemption tags', () => {
    it('vpc-auditor:exempt naming the rule: PASS, evidence exempted with the waived weak values', () => {
      // Arrange
      const vpn = withTunnels(EMPTY_LISTS, {}, tagged({ 'vpc-auditor:exempt': ID, 'vpc-auditor:exempt-until': '2099-12-31' }));

      // Act
      const f = check(rule, only(vpn), 'vpn-1');

      // Assert
      expect(f.status).toBe('PASS');
      expect(f.severity).toBe('INFORMATIONAL');
      expect(f.evidence).toMatchObject({ exempted: true, exemptUntil: '2099-12-31', waived: { tunnels: [{ tunnel: TUNNEL_1, ...WEAK_DEFAULTS }] } });
    });
  });
});
