import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sample from '../examples/sample-account.json';
import { CATALOG } from '../rules/catalog';
import { runCaptured } from './cli/capture-io';
import { audit, findingOf } from './helpers';

/** README's JSON excerpt of a finding: the first ```json block after the sentence that introduces it. */
function readmeExcerpt(): Record<string, unknown> {
  const readme = readFileSync('README.md', 'utf8');
  const after = readme.slice(readme.indexOf("The bastion's exposure finding as JSON"));
  const block = /```json\n([\s\S]*?)\n```/.exec(after);
  if (!block) throw new Error('README: no JSON excerpt after "The bastion\'s exposure finding as JSON"');
  return JSON.parse(block[1]);
}

describe('README.md', () => {
  it('shows what `npm start` prints on the sample account, line for line', async () => {
    // Arrange: the first ```text block that holds the table's header.
    const readme = readFileSync('README.md', 'utf8');
    const shown = /```text\n(SEVERITY [\s\S]*?)\n```/.exec(readme)?.[1];
    // Act: the audit `npm start` runs (package.json), in-process.
    const { code, stdout } = await runCaptured(
      ['audit', '--snapshot', 'examples/sample-account.json', '--format', 'table', '--fail-on', 'none'],
      (path) => readFileSync(path, 'utf8'),
    );
    // Assert
    expect(code).toBe(0);
    expect(shown).toBe(stdout.trimEnd());
  });

  it('shows the bastion finding as the CLI prints it (abridged of title, remediation and compliance)', () => {
    // Arrange
    const excerpt = readmeExcerpt();
    // Act
    const findings = audit(sample as Record<string, unknown>, undefined, {}, new Date('2026-11-22T00:00:00Z'));
    const { title: _t, remediation: _r, compliance: _c, ...shown } = findingOf(findings, excerpt.ruleId as string, excerpt.resourceId as string);
    // Assert
    expect(excerpt).toEqual(JSON.parse(JSON.stringify(shown)));
  });
});

describe('docs/semantics.md', () => {
  it('defines every rule of the catalog', () => {
    const semantics = readFileSync('docs/semantics.md', 'utf8');
    for (const { meta } of CATALOG) expect(semantics, meta.id).toMatch(new RegExp(`^\\| ${meta.id} \\|`, 'm'));
  });

  it('is what the repository points at for semantics, not a catalog.md it does not have', () => {
    // `git grep` searches tracked files only: node_modules and dist are not searched.
    const grep = spawnSync('git', ['grep', '-n', '-I', '-e', 'catalog[.]md', '--', '.', ':!test/docs.test.ts'], { encoding: 'utf8' });
    expect(grep.stdout).toBe('');
    expect(grep.status).toBe(1); // git grep: 1 = no match (2 would be an error)
  });
});
