import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = (d: string) => readdirSync(join(process.cwd(), 'lambdas', d)).filter((f) => f.endsWith('.ts')).map((f) => join('lambdas', d, f));
const text = (f: string) => readFileSync(join(process.cwd(), f), 'utf8');

describe('lambdas layering (design.md)', () => {
  it('lambdas/app imports no AWS SDK: use-cases talk to ports', () => {
    expect(dir('app').filter((f) => /from '@aws-sdk\//.test(text(f)))).toEqual([]);
  });

  it('adapters build no client at import time: the caller passes it in', () => {
    // A `new …Client(` outside any function body would be a client per module load.
    expect(dir('adapters').filter((f) => /^(?:export )?const \w+ = new \w*Client\(/m.test(text(f)))).toEqual([]);
    expect(dir('adapters').length).toBeGreaterThanOrEqual(4);
  });
});
