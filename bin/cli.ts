#!/usr/bin/env node
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache } from './cli/code-cache';
import tuning from './cli/v8-tuning.json';

// The `vpc-auditor` command: a small launcher, so that the V8 flags are set before the CLI
// (dist/cli-main.cjs, from bin/cli/main.ts) is compiled, and the compile comes from the code
// cache the build wrote (bin/cli/code-cache.ts). The flags: see v8-tuning.json.
for (const flag of tuning.flags) setFlagsFromString(flag);
const use = runWithCodeCache(join(__dirname, 'cli-main.cjs'));
if (process.env.VPC_AUDITOR_TRACE_CODE_CACHE === '1') process.stderr.write(`code cache: ${use}\n`);
