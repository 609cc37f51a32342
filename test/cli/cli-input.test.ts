import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../rules/catalog';
import { cli, lowOnly } from './cli-fake';

const SAMPLE = 'examples/sample-account.json';
const ids = (stdout: string) => new Set(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId));

describe('vpc-auditor audit: nothing evaluated is not success', () => {
  it('stops with exit 2 and one line when --rules names no rule', () => {
    // Act
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json', '--rules', ''], { 's.json': lowOnly });
    // Assert
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'vpc-auditor: --rules: no rule id given (see `vpc-auditor rules`)\n' });
  });

  it('stops with exit 2 and one line when the config turns off every selected rule', () => {
    // Arrange
    const config = { rules: { 'sg-attached': { mode: 'off' }, 'sg-rule-count': { mode: 'off' } } };
    // Act
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json', '--config', 'c.json', '--rules', 'sg-attached,sg-rule-count'], { 's.json': lowOnly, 'c.json': config });
    // Assert
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'vpc-auditor: no rule to run: every rule --rules names is off in c.json (rules.<id>.mode)\n' });
  });

  it('stops with exit 2 naming both files when --snapshot or --config is given twice', () => {
    // Act
    const twice = cli(['audit', '--snapshot', 'a.json', '--snapshot', 'b.json'], { 'a.json': lowOnly, 'b.json': lowOnly });
    const configs = cli(['audit', '--snapshot', 'a.json', '--config', 'c.json', '--config', 'd.json'], { 'a.json': lowOnly, 'c.json': {}, 'd.json': {} });
    // Assert
    expect(twice).toMatchObject({ code: 2, stdout: '', stderr: 'vpc-auditor: --snapshot given twice (a.json, b.json): pass it once\n' });
    expect(configs).toMatchObject({ code: 2, stdout: '', stderr: 'vpc-auditor: --config given twice (c.json, d.json): pass it once\n' });
  });

  it('adds up --rules given twice instead of keeping the last', () => {
    const { stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'json', '--rules', 'sg-attached', '--rules', 'sg-rule-count'], { 's.json': lowOnly });
    expect(ids(stdout)).toEqual(new Set(['sg-attached', 'sg-rule-count']));
  });

  it.each([
    [{}, 'vpc-auditor: warning: s.json: none of the snapshot keys (SecurityGroups, SecurityGroupRules, NetworkAcls, Vpcs, ...): no resource is evaluated\n'],
    [
      { securityGroups: [{ GroupId: 'sg-1' }] },
      'vpc-auditor: warning: s.json: none of the snapshot keys (SecurityGroups, SecurityGroupRules, NetworkAcls, Vpcs, ...): no resource is evaluated; securityGroups: did you mean SecurityGroups?\n',
    ],
    [{ SecurityGroups: [], network_acls: [] }, 'vpc-auditor: warning: s.json: network_acls: did you mean NetworkAcls?\n'],
  ])('warns on stderr, exit code unchanged, when the snapshot holds no known key or a near miss: %j', (snapshot, warning) => {
    // Act
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json', '--format', 'json'], { 's.json': snapshot });
    // Assert: the audit still runs (every finding NOT_APPLICABLE), and says why on stderr.
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.findings).toBeGreaterThan(0);
    expect(stderr).toBe(warning);
  });

  it('keeps the warning on one line whatever the file is called', () => {
    const { stderr } = cli(['audit', '--snapshot', 'a\nb\u001b[31m.json'], { 'a\nb\u001b[31m.json': {} });
    expect(stderr).toBe('vpc-auditor: warning: a\\nb\\u001b[31m.json: none of the snapshot keys (SecurityGroups, SecurityGroupRules, NetworkAcls, Vpcs, ...): no resource is evaluated\n');
  });

  it('says nothing on stderr for a snapshot with known keys', () => {
    expect(cli(['audit', '--snapshot', 's.json', '--format', 'json'], { 's.json': lowOnly }).stderr).toBe('');
  });
});

describe('vpc-auditor audit: bad input, one line, exit 2', () => {
  it('reads a snapshot and a config that start with a UTF-8 byte order mark', () => {
    // Arrange
    const files = { 's.json': `\uFEFF${JSON.stringify(lowOnly)}`, 'c.json': '\uFEFF{"maxRulesPerDirection": 60}' };
    // Act
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json', '--config', 'c.json', '--format', 'json'], files);
    // Assert
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.findings).toBeGreaterThan(0);
  });

  it.each([
    ['Latin-1 (an accented description)', Buffer.from('{"SecurityGroups": [{"GroupId": "sg-1", "Description": "caf\xe9"}]}', 'latin1'), 'the file is not UTF-8 text (byte 0xe9 at offset 59); save it as UTF-8'],
    ['UTF-16 (PowerShell 5 redirection)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(lowOnly), 'utf16le')]), 'the file is UTF-16 text; save it as UTF-8 (in PowerShell: ... | Out-File -Encoding utf8)'],
  ])('rejects a snapshot that is not UTF-8, %s, instead of auditing ids turned into U+FFFD', (_, bytes, reason) => {
    // Act
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json', '--format', 'json'], { 's.json': bytes });
    // Assert
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `vpc-auditor: cannot read snapshot s.json: ${reason}\n` });
  });

  it('reads UTF-8 with any characters, an encoded U+FFFD among them, and points past it at the byte that is not', () => {
    // Arrange
    const good = Buffer.from(JSON.stringify({ ...lowOnly, SecurityGroups: [{ GroupId: 'sg-1', Description: 'caf\u00e9 \ufffd \u{1f512}' }] }), 'utf8');
    const bad = Buffer.concat([Buffer.from('{"X": "\ufffd', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    // Act
    const ok = cli(['audit', '--snapshot', 's.json', '--format', 'json', '--fail-on', 'none'], { 's.json': good });
    const rejected = cli(['audit', '--snapshot', 's.json'], { 's.json': bad });
    // Assert
    expect({ code: ok.code, stderr: ok.stderr }).toEqual({ code: 0, stderr: '' });
    expect(rejected.stderr).toBe('vpc-auditor: cannot read snapshot s.json: the file is not UTF-8 text (byte 0xc3 at offset 10); save it as UTF-8\n');
  });

  it('reads the config from standard input with --config -, naming it stdin', () => {
    const { code, stderr } = cli(['audit', '--snapshot', 's.json', '--config', '-'], { 's.json': lowOnly, '-': { maxRulesPerDirection: 0 } });
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'vpc-auditor: stdin: maxRulesPerDirection: Too small: expected number to be >=1\n' });
  });

  it.each([['', 'stdin', '-'], [' \r\n', 's.json', 's.json']])('says an empty input is empty (%j from %s), not "Unexpected end of JSON input"', (text, name, path) => {
    const { code, stdout, stderr } = cli(['audit', '--snapshot', path], { [path]: text });
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `vpc-auditor: ${name} is empty: expected a JSON object\n` });
  });

  it('refuses --snapshot - with --config -: standard input can be read only once', () => {
    // Act
    const { code, stdout, stderr } = cli(['audit', '--snapshot', '-', '--config', '-'], { '-': lowOnly });
    // Assert: without the check, the config read the snapshot and rejected its keys.
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'vpc-auditor: --snapshot - and --config -: only one of them can read standard input\n' });
  });

  it('escapes control characters from the input in the error line', () => {
    // Act
    const { code, stderr } = cli(['audit', '--snapshot', 's.json', '--rules', 'sg-\u0007bell\u001b[2J'], { 's.json': lowOnly });
    // Assert
    expect(code).toBe(2);
    expect(stderr).toBe('vpc-auditor: --rules: unknown rule id sg-\\u0007bell\\u001b[2J (see `vpc-auditor rules`)\n');
  });

  it('escapes control characters in the argument parser\'s errors too', () => {
    const { code, stderr } = cli(['audit', '--snapshot', 's.json', '--format', 'x\u0007'], { 's.json': lowOnly });
    expect({ code, stderr }).toEqual({ code: 2, stderr: "vpc-auditor: option '--format <format>' argument 'x\\u0007' is invalid. Allowed choices are table, json, asff.\n" });
  });

  it('rejects a null config like any other non-object', () => {
    const { code, stderr } = cli(['audit', '--snapshot', 's.json', '--config', 'c.json'], { 's.json': lowOnly, 'c.json': 'null' });
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'vpc-auditor: c.json: expected object, received null\n' });
  });

  it('rejects a tcp rule whose FromPort is above its ToPort, naming the path', () => {
    const snapshot = { SecurityGroups: [sgWith({ IpProtocol: 'tcp', FromPort: 3389, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })] };
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json'], { 's.json': snapshot });
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'vpc-auditor: s.json: SecurityGroups[0].IpPermissions[0]: FromPort 3389 is above ToPort 22\n' });
  });

  it('rejects one resource id twice, naming both places', () => {
    const { code, stderr } = cli(['audit', '--snapshot', 's.json'], { 's.json': { SecurityGroups: [sgWith(), sgWith()] } });
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'vpc-auditor: s.json: SecurityGroups[0] and SecurityGroups[1] both have GroupId sg-1\n' });
  });

  it('reads the snapshot from standard input with --snapshot -', () => {
    // Arrange
    const input = readFileSync(SAMPLE, 'utf8');
    // Act
    const piped = spawnSync(process.execPath, ['dist/cli.cjs', 'audit', '--snapshot', '-', '--format', 'json', '--fail-on', 'none'], { input, encoding: 'utf8' });
    const bad = spawnSync(process.execPath, ['dist/cli.cjs', 'audit', '--snapshot', '-'], { input: '{"SecurityGroups": 1}', encoding: 'utf8' });
    // Assert
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).summary.rules).toBe(CATALOG.length);
    expect({ status: bad.status, stderr: bad.stderr }).toEqual({ status: 2, stderr: 'vpc-auditor: stdin: SecurityGroups: expected array, received number\n' });
  });
});

function sgWith(...ingress: object[]) {
  return { GroupId: 'sg-1', IpPermissions: ingress, IpPermissionsEgress: [] };
}
