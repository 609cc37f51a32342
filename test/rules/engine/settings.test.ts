import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../rules/catalog';
import { InputError } from '../../../rules/engine/errors';
import { DEFAULT_SETTINGS, parseSettings } from '../../../rules/engine/settings';

const parse = (value: unknown) => parseSettings(value, 'config.json', CATALOG);

describe('settings', () => {
  it('defaults match docs/semantics.md', () => {
    expect(DEFAULT_SETTINGS.authorizedTcpPorts).toEqual([80, 443]);
    expect(DEFAULT_SETTINGS.authorizedUdpPorts).toEqual([]);
    expect(DEFAULT_SETTINGS.internetMinPrefix).toEqual({ ipv4: 16, ipv6: 32 });
    expect(DEFAULT_SETTINGS.ephemeralPorts).toEqual({ from: 1024, to: 65535 });
    expect(DEFAULT_SETTINGS.maxRulesPerDirection).toBe(50);
    expect(DEFAULT_SETTINGS.includeDefaultNacl).toBe(false);
    expect(DEFAULT_SETTINGS.highRiskPorts.tcp).toHaveLength(24);
    expect(DEFAULT_SETTINGS.highRiskPorts.udp).toEqual([137, 138, 139, 161, 445, 1434, 11211]);
    expect(DEFAULT_SETTINGS.maxRemediationsPerInvocation).toBe(20);
    expect(DEFAULT_SETTINGS.maxRemediationsPerHour).toBe(100);
  });

  it('refuses dry-run or auto for a rule with no remediation kind, and takes them where there is one', () => {
    // Arrange: sg-attached has no remediation kind; sg-no-public-admin-ports revokes public ingress.
    // Act / Assert
    expect(() => parse({ rules: { 'sg-attached': { mode: 'auto' } } })).toThrow(
      new InputError('config.json: rules.sg-attached.mode: auto needs a remediation, and sg-attached has none (use notify or off)'),
    );
    expect(() => parse({ rules: { 'sg-attached': { mode: 'dry-run' } } })).toThrow(/dry-run needs a remediation/);
    expect(parse({ rules: { 'sg-attached': { mode: 'notify' }, 'sg-no-public-admin-ports': { mode: 'dry-run' } } }).rules).toEqual({
      'sg-attached': { mode: 'notify' },
      'sg-no-public-admin-ports': { mode: 'dry-run' },
    });
  });

  it('accepts partial settings and fills the rest', () => {
    const s = parse({ trustedCidrs: ['198.51.100.0/24'], rules: { 'sg-attached': { mode: 'off' } } });
    expect(s.trustedCidrs).toEqual(['198.51.100.0/24']);
    expect(s.rules['sg-attached'].mode).toBe('off');
    expect(s.authorizedTcpPorts).toEqual([80, 443]);
  });

  it.each([
    [{ trustedCidr: [] }, 'config.json: Unrecognized key: "trustedCidr"'],
    [{ trustedCidrs: ['10.0.0.0/40'] }, 'config.json: trustedCidrs[0]: expected a CIDR block such as 198.51.100.0/24'],
    [{ authorizedTcpPorts: [70000] }, 'config.json: authorizedTcpPorts[0]: Too big: expected number to be <=65535'],
    [{ ephemeralPorts: { from: 2000, to: 1000 } }, 'config.json: ephemeralPorts: from must be <= to'],
    [{ ephemeralPorts: { to: 1000 } }, 'config.json: ephemeralPorts: from must be <= to'],
    [{ rules: { 'sg-no-such-rule': { mode: 'off' } } }, 'config.json: rules.sg-no-such-rule: no rule has this id'],
    [{ rules: { 'sg-attached': { mode: 'sometimes' } } }, 'config.json: rules.sg-attached.mode: expected one of "off"|"notify"|"dry-run"|"auto"'],
  ])('rejects %j naming the key', (value, message) => {
    expect(() => parse(value)).toThrow(InputError);
    expect(() => parse(value)).toThrow(message);
  });

  it('keeps the defaults of the fields a partial nested object leaves out', () => {
    // Act
    const ports = parse({ highRiskPorts: { tcp: [22] } });
    const prefix = parse({ internetMinPrefix: { ipv4: 8 } });
    const from = parse({ ephemeralPorts: { from: 32768 } });
    const to = parse({ ephemeralPorts: { to: 32767 } });
    // Assert
    expect(ports.highRiskPorts).toEqual({ tcp: [22], udp: DEFAULT_SETTINGS.highRiskPorts.udp });
    expect(prefix.internetMinPrefix).toEqual({ ipv4: 8, ipv6: 32 });
    expect(from.ephemeralPorts).toEqual({ from: 32768, to: 65535 });
    expect(to.ephemeralPorts).toEqual({ from: 1024, to: 32767 });
  });

  it('takes no settings at all as the defaults, but rejects null like any other non-object', () => {
    expect(parse(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(() => parse(null)).toThrow('config.json: expected object, received null');
    expect(() => parse([])).toThrow('config.json: expected object, received array');
  });

  it.each([
    [{ vpnEncryptionAlgorithms: ['AES-256'] }, 'config.json: vpnEncryptionAlgorithms[0]: expected one of "AES128"|"AES256"|"AES128-GCM-16"|"AES256-GCM-16"'],
    [{ vpnIntegrityAlgorithms: ['SHA256'] }, 'config.json: vpnIntegrityAlgorithms[0]: expected one of "SHA1"|"SHA2-256"|"SHA2-384"|"SHA2-512"'],
    [{ vpnDhGroups: [14, 1] }, 'config.json: vpnDhGroups[1]: expected one of 2|5|14|15|16|17|18|19|20|21|22|23|24'],
  ])('rejects VPN algorithm names AWS does not accept: %j', (value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  it('accepts every VPN algorithm name and DH group AWS accepts (ModifyVpnTunnelOptions)', () => {
    const s = parse({
      vpnEncryptionAlgorithms: ['AES128', 'AES256', 'AES128-GCM-16', 'AES256-GCM-16'],
      vpnIntegrityAlgorithms: ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'],
      vpnDhGroups: [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
    });
    expect(s.vpnDhGroups).toHaveLength(13);
  });
});
