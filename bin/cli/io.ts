import { readFileSync } from 'node:fs';
import { InputError } from '../../rules/engine/errors';
import { syncWriter } from './sync-write';

// Errors are one line on stderr, escaped the way the table's cells are.
export { oneLine } from '../../rules/report/one-line';

/** What the CLI touches outside itself; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  isTty: boolean;
  now(): Date;
}

export const processIo: CliIo = {
  stdout: syncWriter(1),
  stderr: (text) => process.stderr.write(text),
  // Read as bytes, then decode: on Node 20, readFileSync(path, 'utf8') takes ~200 ms for a 95 MB
  // snapshot and this ~120 ms (bench/tools/read-paths.cjs); the text is the same.
  // `-` is standard input (fd 0), so a snapshot can come from a pipe: `aws ... | vpc-auditor audit --snapshot -`.
  readFile: (path) => readFileSync(path === STDIN ? 0 : path).toString('utf8'),
  isTty: process.stdout.isTTY === true,
  now: () => new Date(),
};

/** The file name that means standard input. */
export const STDIN = '-';

/** How messages name an input file. */
export function sourceName(path: string): string {
  return path === STDIN ? 'stdin' : path;
}

/** Reads and parses a JSON file, turning each failure into one InputError line. */
export function readJsonFile(io: CliIo, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new InputError(`cannot read ${what} ${sourceName(path)}: ${reason}`);
  }
  // Editors on Windows (and PowerShell's Out-File) start UTF-8 files with a byte order mark,
  // which JSON.parse rejects; it carries nothing.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${sourceName(path)} is not valid JSON: ${(err as Error).message}`);
  }
}
