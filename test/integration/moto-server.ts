import type { TestProject } from 'vitest/node';
import { findMotoPython, MOTO_INSTALL_HINT, startMoto } from '../../scripts/moto.mjs';

/**
 * vitest global setup of the integration project: starts moto's server (../shared/moto.md) on
 * a free loopback port, once for all integration files (each resets it), and stops it after.
 * Without moto the tests skip, saying how to install it; with VPC_AUDITOR_REQUIRE_MOTO=1 (CI,
 * .ci/run) a missing moto fails the run instead.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT, or '' when moto is not installed. */
    motoUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const found = findMotoPython();
  if (!found) {
    if (process.env.VPC_AUDITOR_REQUIRE_MOTO === '1') throw new Error(`VPC_AUDITOR_REQUIRE_MOTO=1 but no python can import moto.server: ${MOTO_INSTALL_HINT}`);
    process.stderr.write(`integration tests skipped: moto is not installed (${MOTO_INSTALL_HINT}, or set MOTO_PYTHON)\n`);
    project.provide('motoUrl', '');
    return () => {};
  }
  const moto = await startMoto(found.python);
  project.provide('motoUrl', moto.url);
  return moto.stop;
}
