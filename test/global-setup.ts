import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds the CLI bundle the process-level tests run, and gives the run a temp folder of its own
 * (TMPDIR, which the test workers inherit): CDK's Template.fromStack writes `cdk-test-*` folders
 * there, and deleting them from the shared /tmp broke other runs on the same machine.
 */
export function setup(): void {
  // Once per run, though both test projects (unit, integration) list this setup.
  if (process.env.VPC_AUDITOR_TEST_BUILT === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.env.VPC_AUDITOR_TEST_BUILT = '1';
  process.env.VPC_AUDITOR_TEST_TMP = mkdtempSync(join(tmpdir(), 'vpc-auditor-test-'));
  process.env.TMPDIR = process.env.VPC_AUDITOR_TEST_TMP;
}

export function teardown(): void {
  const own = process.env.VPC_AUDITOR_TEST_TMP;
  if (own) rmSync(own, { recursive: true, force: true });
  for (const name of readdirSync(process.cwd())) {
    if (name.startsWith('cdk.out')) rmSync(name, { recursive: true, force: true });
  }
}
