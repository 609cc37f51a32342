// moto's server (../shared/moto.md) for the integration tests (test/integration/moto-server.ts)
// and the live benchmark (bench/live.mjs): find an interpreter that has it, start it on a free
// loopback port, wait until it answers, stop it by its pid.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const MOTO_INSTALL_HINT = "pip install 'moto[server]'";

/** The first of MOTO_PYTHON, python3 on PATH, ~/.pyenv/shims/python3 that can import moto.server. */
export function findMotoPython() {
  const candidates = [process.env.MOTO_PYTHON, 'python3', join(homedir(), '.pyenv/shims/python3')].filter(Boolean);
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import sys, moto, moto.server; print(moto.__version__, sys.executable)'], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) {
      const [version, executable] = probe.stdout.trim().split(' ');
      return { python, version, executable };
    }
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts moto with `python`; resolves once GET /moto-api/ answers 200 (2-4 s on these machines). */
export async function startMoto(python, timeoutMs = 60_000) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const stop = () => child.kill();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/moto-api/`)).status === 200) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`moto did not answer ${url}/moto-api/ within ${timeoutMs / 1000} s`);
}
