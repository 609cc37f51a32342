import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../rules/catalog';
import { InputError } from '../../../rules/engine/errors';
import { DEFAULT_SETTINGS, parseSettings } from '../../../rules/engine/settings';

const parse = (value: unknown) => parseSettings(value, 'config.json', RULE_IDS);

describe('settings', () => {
  it('defaults match catalog.md', () => {
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
    [{ rules: { 'sg-no-such-rule': { mode: 'off' } } }, 'config.json: rules.sg-no-such-rule: no rule has this id'],
    [{ rules: { 'sg-attached': { mode: 'sometimes' } } }, 'config.json: rules.sg-attached.mode: expected one of "off"|"notify"|"dry-run"|"auto"'],
  ])('rejects %j naming the key', (value, message) => {
    expect(() => parse(value)).toThrow(InputError);
    expect(() => parse(value)).toThrow(message);
  });
});
