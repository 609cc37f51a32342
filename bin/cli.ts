#!/usr/bin/env node
import { run } from './cli/program';
import { processIo } from './cli/io';

// Set the code rather than calling process.exit, so large outputs flush to pipes first.
process.exitCode = run(process.argv.slice(2), processIo);
