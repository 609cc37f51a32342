import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Which layers may import the AWS SDK is test/architecture.test.ts's business; this file checks
// what an import-time check cannot: that adapters build nothing when their module loads.

/** Every .ts file under lambdas/<d>, subfolders included (adapters/ec2/ builds clients too). */
const tree = (d: string) =>
  readdirSync(join(process.cwd(), 'lambdas', d), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('lambdas', d, f))
    .sort();
const text = (f: string) => readFileSync(join(process.cwd(), f), 'utf8');

// A client made by a top-level statement (`new …Client(` or `…Client.from(`) is one per module load.
const BUILT_AT_IMPORT = /^(?:export )?(?:const|let|var) \w+(?::[^=]+)? = (?:new \w*Client\(|\w*Client\.from\()/m;

describe('lambdas layering (design.md)', () => {
  it('the import-time check flags a top-level client and not one built inside a function', () => {
    expect(BUILT_AT_IMPORT.test("export const ec2 = new EC2Client({ region: 'eu-west-1' });")).toBe(true);
    expect(BUILT_AT_IMPORT.test('const doc: DynamoDBDocumentClient = DynamoDBDocumentClient.from(client);')).toBe(true);
    expect(BUILT_AT_IMPORT.test('export function make() {\n  const ec2 = new EC2Client(config);\n  return ec2;\n}')).toBe(false);
  });

  it('adapters, subfolders included, build no client at import time: the caller passes it in', () => {
    const files = tree('adapters');
    expect(files).toContain(join('lambdas', 'adapters', 'ec2', 'clients.ts'));
    expect(files.filter((f) => BUILT_AT_IMPORT.test(text(f)))).toEqual([]);
  });
});
