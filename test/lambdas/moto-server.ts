import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The first interpreter that can import moto.server: MOTO_PYTHON, python3 on PATH, the pyenv shim (moto.md). */
export function motoPython(): string | undefined {
  const candidates = [process.env.MOTO_PYTHON, 'python3', join(homedir(), '.pyenv/shims/python3')].filter((c): c is string => Boolean(c));
  return candidates.find((py) => spawnSync(py, ['-c', 'import moto.server'], { stdio: 'ignore' }).status === 0);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Moto {
  endpoint: string;
  stop(): void;
}

/** Starts moto on a free loopback port and waits until it answers; stop() ends that process only. */
export async function startMoto(python: string): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => void child.kill();
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode}`);
    const ready = await fetch(`${endpoint}/moto-api/`).then((r) => r.ok, () => false);
    if (ready) return { endpoint, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`moto did not answer on ${endpoint} within 30 s`);
}

/** What an SDK client needs to talk to moto. */
export const motoClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});
