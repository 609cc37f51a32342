import type { CliIo } from '../../bin/cli/io';
import { run } from '../../bin/cli/program';
import { NOW } from '../helpers';

/**
 * Runs the CLI in-process with stdout and stderr captured; `readFile` is the test's (an
 * in-memory file system, or the real one). Awaits live mode's promise.
 */
export async function runCaptured(args: string[], readFile: (path: string) => string, stderrIsTty = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile,
    isTty: false,
    stderrIsTty,
    now: () => NOW,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
