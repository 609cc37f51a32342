import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { InputError } from '../../rules/engine/errors';
import { collectGarbage } from './collect-garbage';
import { syncWriter } from './sync-write';

// Errors are one line on stderr, escaped the way the table's cells are.
export { oneLine } from '../../rules/report/one-line';

/** What the CLI touches outside itself; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  isTty: boolean;
  /** Whether stderr is a terminal (the live progress line is drawn only there). */
  stderrIsTty?: boolean;
  now(): Date;
  /** A full garbage collection (see readJsonFile); absent, large inputs are left to V8's own timing. */
  collectGarbage?(): void;
}

export const processIo: CliIo = {
  stdout: syncWriter(1),
  stderr: (text) => process.stderr.write(text),
  // Read as bytes, then decode: on Node 20, readFileSync(path, 'utf8') takes ~200 ms for a 95 MB
  // snapshot and this ~120 ms (bench/tools/read-paths.cjs); the text is the same.
  // `-` is standard input (fd 0), so a snapshot can come from a pipe: `aws ... | vpc-auditor audit --snapshot -`.
  readFile: (path) => decodeUtf8(readFileSync(path === STDIN ? 0 : path)),
  isTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  now: () => new Date(),
  collectGarbage,
};

/**
 * The text of a file, which must be UTF-8 (what the AWS CLI and jq write): decoding anything
 * else would silently turn ids and tag values into U+FFFD, so it is an error naming the first
 * bad byte. UTF-16 gets its own words: Windows PowerShell 5 writes it for `aws ... > file`.
 * (The check costs ~8 ms on a 95 MB snapshot.)
 */
export function decodeUtf8(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Error('the file is UTF-16 text; save it as UTF-8 (in PowerShell: ... | Out-File -Encoding utf8)');
  }
  // A UTF-8 byte order mark (Windows editors, PowerShell's Out-File) is left out here rather
  // than sliced off the text by readJsonFile: JSON.parse copies a sliced string (a 95 MB
  // snapshot with a BOM peaked ~85 MB above one without).
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const text = body.toString('utf8');
  if (isUtf8(body)) return text;
  const offset = start + firstInvalidByte(body, text);
  throw new Error(`the file is not UTF-8 text (byte 0x${bytes[offset].toString(16).padStart(2, '0')} at offset ${offset}); save it as UTF-8`);
}

/** Where decoding first put U+FFFD for bytes that were not an encoded U+FFFD (EF BF BD). */
function firstInvalidByte(bytes: Buffer, text: string): number {
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    const at = Buffer.byteLength(text.slice(0, i));
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return 0; // not reached: invalid UTF-8 always decodes to some U+FFFD
}

/** The file name that means standard input. */
export const STDIN = '-';

/** How messages name an input file. */
export function sourceName(path: string): string {
  return path === STDIN ? 'stdin' : path;
}

/** From this length on, an input's bytes are collected as soon as they are garbage (see readJsonFile). */
export const LARGE_INPUT_CHARS = 16 * 1024 * 1024;

/**
 * Reads and parses a JSON file, turning each failure into one InputError line.
 * A large file's bytes are collected as soon as they are decoded. V8 starts a full collection
 * as soon as they are read (an external allocation of the file's size) and finishes it a little
 * later, keeping whatever is alive then until its next full collection, which a 10k-group audit
 * never reaches: when that was during the decoding (192dd4e's UTF-8 check holds the bytes), the
 * bytes stayed for the whole run (~90 MB of peak memory). Collecting once they are garbage is
 * cheap: the heap is then little more than the text, which holds no pointers to follow.
 */
export function readJsonFile(io: CliIo, path: string, what: string): unknown {
  return parseJson(readText(io, path, what), path);
}

function readText(io: CliIo, path: string, what: string): string {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new InputError(`cannot read ${what} ${sourceName(path)}: ${reason}`);
  }
  if (text.length >= LARGE_INPUT_CHARS) io.collectGarbage?.();
  return text;
}

function parseJson(text: string, path: string): unknown {
  // Editors on Windows (and PowerShell's Out-File) start UTF-8 files with a byte order mark,
  // which JSON.parse rejects; it carries nothing. (decodeUtf8 leaves it out already; a text
  // from elsewhere may still have it.)
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (err) {
    // An empty pipe (`jq ... | vpc-auditor audit --snapshot -` after jq failed) says so, not "Unexpected end of JSON input".
    if (json.trim() === '') throw new InputError(`${sourceName(path)} is empty: expected a JSON object`);
    throw new InputError(`${sourceName(path)} is not valid JSON: ${(err as Error).message}`);
  }
}
