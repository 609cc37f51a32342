import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../rules/catalog';
import { evaluate, SNAPSHOT_RESOURCE_ID } from '../../rules/engine/evaluate';
import { SnapshotModel } from '../../rules/engine/model';
import { parseSnapshot } from '../../rules/engine/parse-snapshot';
import { DEFAULT_SETTINGS } from '../../rules/engine/settings';
import type { Finding } from '../../rules/engine/types';
import { toAsff } from '../../rules/report/asff';
import { summarize } from '../../rules/report/summary';
import sample from '../../examples/sample-account.json';
import { NOW, perm, sg } from '../helpers';
import { cli, open22 } from './cli-fake';

const files = { 's.json': sample };
/** The sample's findings as the engine makes them, and the scope its ASFF uses. */
const findings = evaluate(CATALOG, new SnapshotModel(parseSnapshot(sample)), { settings: DEFAULT_SETTINGS, now: NOW });
const scope = { accountId: sample.AccountId, region: sample.Region, now: NOW };
const whole = (shown: Finding[]) => `${JSON.stringify({ findings: shown, summary: summarize(findings) }, null, 2)}\n`;
const asffWhole = (shown: Finding[]) => `${JSON.stringify(shown.filter((f) => f.resourceId !== SNAPSHOT_RESOURCE_ID).map((f) => toAsff(f, scope)), null, 2)}\n`;

describe('vpc-auditor audit: streamed output', () => {
  it('json is byte for byte JSON.stringify of the findings and summary, written in several pieces', () => {
    // Act
    const { code, stdout, writes } = cli(['audit', '--snapshot', 's.json', '--format', 'json', '--fail-on', 'none'], files);
    // Assert: the sample's ~250 KB of JSON leaves in pieces of ~64k characters, not at once.
    expect(code).toBe(0);
    expect(stdout).toBe(whole(findings));
    expect(writes).toBeGreaterThan(2);
  });

  it('asff is byte for byte JSON.stringify of the ASFF findings, written in several pieces', () => {
    const { stdout, writes } = cli(['audit', '--snapshot', 's.json', '--format', 'asff', '--fail-on', 'none'], files);
    expect(stdout).toBe(asffWhole(findings));
    expect(writes).toBeGreaterThan(2);
  });

  it('prints an empty selection as JSON.stringify does ([]), the summary still counting everything', () => {
    // Arrange: the sample has no ERROR findings.
    expect(findings.some((f) => f.status === 'ERROR')).toBe(false);
    // Act
    const json = cli(['audit', '--snapshot', 's.json', '--format', 'json', '--status', 'ERROR'], files);
    const asff = cli(['audit', '--snapshot', 's.json', '--format', 'asff', '--status', 'error'], files);
    // Assert
    expect(json.stdout).toBe(whole([]));
    expect(asff.stdout).toBe('[]\n');
  });
});

describe('vpc-auditor audit --status', () => {
  it('prints only the evaluations of the given statuses (any case); the summary and exit code count all', () => {
    // Act
    const { code, stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'json', '--status', 'fail,Not_Applicable'], files);
    // Assert: the sample has HIGH failures, so the exit code is 1 whatever is printed.
    expect(code).toBe(1);
    expect(stdout).toBe(whole(findings.filter((f) => f.status === 'FAIL' || f.status === 'NOT_APPLICABLE')));
  });

  it('chooses the asff findings too', () => {
    const { stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'asff', '--status', 'PASS'], files);
    expect(stdout).toBe(asffWhole(findings.filter((f) => f.status === 'PASS')));
  });

  it('shows passes in the table when asked, labelled by status, and exits 1 on the failures it does not show', () => {
    // Act
    const { code, stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'table', '--status', 'PASS'], { 's.json': open22 });
    // Assert
    const rows = stdout.trimEnd().split('\n').slice(1, -2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^PASS\s/);
    expect(code).toBe(1);
  });

  it.each([['OK'], ['pass,nope'], ['']])('rejects %j with exit 2 and one line', (value) => {
    const { code, stdout, stderr } = cli(['audit', '--snapshot', 's.json', '--status', value], files);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`vpc-auditor: --status: expected a comma list of PASS, FAIL, NOT_APPLICABLE, ERROR, got ${JSON.stringify(value)}\n`);
  });
});

describe('vpc-auditor audit --format table: text from the snapshot', () => {
  it('escapes control characters in ids and messages, so each finding stays one row and cannot drive the terminal', () => {
    // Arrange: a group id with a colour escape and a line break (EC2 never returns one; a hand-made snapshot can).
    const snapshot = { SecurityGroups: [sg('sg-\u001b[31mred\nx', [perm('tcp', 22, 22, '0.0.0.0/0')])] };
    // Act
    const { stdout } = cli(['audit', '--snapshot', 's.json', '--format', 'table', '--rules', 'sg-no-public-admin-ports'], { 's.json': snapshot });
    // Assert
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(/^SEVERITY\s+RULE\s+RESOURCE\s+MESSAGE$/),
      expect.stringMatching(/^HIGH\s+sg-no-public-admin-ports\s+sg-\\u001b\[31mred\\nx\s+Ingress open to the internet on tcp 22 from 0\.0\.0\.0\/0\.$/),
      '',
      expect.stringMatching(/^1 failed/),
      '',
    ]);
  });
});
