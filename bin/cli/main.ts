import { run } from './program';
import { processIo } from './io';

// The CLI proper, bundled to dist/cli-main.cjs and loaded by the launcher (bin/cli.ts).
// A reader that stops early (`| head`) closes the pipe: stop quietly with the audit's exit code
// instead of a stack trace, as other command-line tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});
// Set the code rather than calling process.exit, so large outputs flush to pipes first.
const code = run(process.argv.slice(2), processIo);
if (typeof code === 'number') process.exitCode = code;
else
  void code.then((c) => {
    process.exitCode = c;
  });
