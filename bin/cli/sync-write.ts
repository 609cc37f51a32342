import { writeSync } from 'node:fs';
import { InputError } from '../../rules/engine/errors';

type WriteFn = (fd: number, buffer: Uint8Array, offset: number) => number;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A writer that puts all of its text on `fd` before returning: the audit streams findings
 * from a synchronous evaluation, so a slow reader (`| less`, a full pipe) must hold the
 * evaluation up rather than let written text queue in memory (process.stdout queues it: an
 * asff audit of 10k groups piped to a slow reader peaked at ~740 MB instead of ~400 MB).
 * The stream has made a pipe non-blocking, so a full pipe answers EAGAIN: wait 1 ms and go on.
 * A reader that hung up (EPIPE, `| head`) gets nothing more; the audit still completes, so the
 * exit code is the audit's. Any other failure (ENOSPC, EIO) stops the CLI with that one line.
 */
export function syncWriter(fd: number, write: WriteFn = writeSync): (text: string) => void {
  let closed = false;
  return (text) => {
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (!closed && offset < bytes.length) {
      try {
        offset += write(fd, bytes, offset);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') closed = true;
        else if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
        // A full disk or a failing device is the user's to fix, not a bug: one line, exit 2.
        else throw new InputError(`cannot write the output: ${(err as Error).message}`);
      }
    }
  };
}
