import { readFileSync } from 'node:fs';
import { InputError } from '../../rules/engine/errors';

/** What the CLI touches outside itself; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  isTty: boolean;
  /** Whether stderr is a terminal (the live progress line is drawn only there). */
  stderrIsTty?: boolean;
  now(): Date;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Read as bytes, then decode: on Node 20, readFileSync(path, 'utf8') takes ~200 ms for a 95 MB
  // snapshot and this ~120 ms (bench/tools/read-paths.cjs); the text is the same.
  readFile: (path) => readFileSync(path).toString('utf8'),
  isTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  now: () => new Date(),
};

/** Reads and parses a JSON file, turning each failure into one InputError line. */
export function readJsonFile(io: CliIo, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new InputError(`cannot read ${what} ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}
