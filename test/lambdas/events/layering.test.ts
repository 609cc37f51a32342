import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** lambdas/events is pure (design.md): the handlers test it without AWS, and it never reads the clock. */
describe('lambdas/events layering', () => {
  const dir = join(process.cwd(), 'lambdas/events');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('imports no AWS SDK and no node: module, and reads no clock', () => {
    const bad = files.filter((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return /from\s+['"](@aws-sdk\/|node:|@middy\/|@aws-lambda-powertools\/)/.test(text) || /Date\.now\(|new Date\(\)/.test(text);
    });
    expect(files.length).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });
});
