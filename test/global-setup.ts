import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the CLI bundle the process-level tests run, and removes CDK temp output afterwards. */
export function setup(): void {
  // Once per run, though both test projects (unit, integration) list this setup.
  if (process.env.VPC_AUDITOR_TEST_BUILT === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.env.VPC_AUDITOR_TEST_BUILT = '1';
}

export function teardown(): void {
  for (const dir of [tmpdir(), process.cwd()]) {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('cdk.out') || name.startsWith('cdk-test-')) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}
