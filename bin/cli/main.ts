import { run } from './program';
import { processIo } from './io';

// The CLI proper, bundled to dist/cli-main.cjs and loaded by the launcher (bin/cli.ts).
// Set the code rather than calling process.exit, so large outputs flush to pipes first.
process.exitCode = run(process.argv.slice(2), processIo);
