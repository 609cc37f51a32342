import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

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

export const INSTALL_HINT = "pip install 'moto[server]'";

/** The first of MOTO_PYTHON, python3 on PATH, ~/.pyenv/shims/python3 that can import moto.server. */
export function findMotoPython(): { python: string; version: string } | undefined {
  const candidates = [process.env.MOTO_PYTHON, 'python3', join(homedir(), '.pyenv/shims/python3')].filter((c): c is string => Boolean(c));
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import moto, moto.server; print(moto.__version__)'], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/moto-api/`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto did not answer ${url}/moto-api/ within ${timeoutMs / 1000} s`);
}

let child: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  const found = findMotoPython();
  if (!found) {
    if (process.env.VPC_AUDITOR_REQUIRE_MOTO === '1') throw new Error(`VPC_AUDITOR_REQUIRE_MOTO=1 but no python can import moto.server: ${INSTALL_HINT}`);
    process.stderr.write(`integration tests skipped: moto is not installed (${INSTALL_HINT}, or set MOTO_PYTHON)\n`);
    project.provide('motoUrl', '');
    return () => {};
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  child = spawn(found.python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  await waitUntilReady(url, child);
  project.provide('motoUrl', url);
  return () => {
    child?.kill();
    child = undefined;
  };
}
