import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Dependencies point one way (design.md): checked on the import lines of every source file. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('layering', () => {
  const root = process.cwd();
  const rulesFiles = sources(join(root, 'rules'));

  it('finds the files it checks', () => {
    expect(rulesFiles.length).toBeGreaterThan(30);
  });

  it('rules/ imports no AWS SDK, no node: modules, and nothing from lib/, lambdas/ or bin/', () => {
    const bad: string[] = [];
    for (const file of rulesFiles) {
      for (const spec of imports(file)) {
        const forbidden =
          spec.startsWith('@aws-sdk/') ||
          spec.startsWith('node:') ||
          ['fs', 'path', 'child_process', 'aws-cdk-lib', 'constructs'].includes(spec) ||
          /(^|\/)(lib|lambdas|bin)\//.test(spec.replace(/^(\.\.\/)+/, ''));
        if (forbidden) bad.push(`${relative(root, file)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('rules/ never reads the clock (time comes in through the context)', () => {
    const bad = rulesFiles.filter((f) => /Date\.now\(|new Date\(\)|performance\.now\(/.test(readFileSync(f, 'utf8')));
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });

  it('lib/ does not import lambda code or the CLI', () => {
    const bad = sources(join(root, 'lib')).flatMap((f) =>
      imports(f)
        .filter((s) => /(^|\/)(lambdas\/(app|adapters)|bin)\//.test(s.replace(/^(\.\.\/)+/, '')))
        .map((s) => `${relative(root, f)} -> ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('only lambdas/adapters/ imports the AWS SDK (the CLI reaches AWS through it)', () => {
    const files = ['bin', 'lib', 'rules', 'lambdas'].flatMap((d) => sources(join(root, d))).filter((f) => !relative(root, f).startsWith('lambdas/adapters/'));
    const bad = files.flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('@aws-sdk/'))
        .map((s) => `${relative(root, f)} -> ${s}`),
    );
    expect(files.length).toBeGreaterThan(30);
    expect(bad).toEqual([]);
  });

  it('rule files are named for their rule id', async () => {
    const { CATALOG } = await import('../rules/catalog');
    // Every rule's id is the name of a file under rules/catalog/<kind>/, and every such file that
    // default-exports a rule is in the catalog.
    const ruleFiles = rulesFiles.filter((f) => /\/catalog\/[a-z-]+\/[a-z0-9-]+\.ts$/.test(f) && /^export default /m.test(readFileSync(f, 'utf8')));
    const names = ruleFiles.map((f) => f.split('/').pop()?.replace('.ts', ''));
    expect(new Set(names)).toEqual(new Set(CATALOG.map((r) => r.meta.id)));
  });
});
