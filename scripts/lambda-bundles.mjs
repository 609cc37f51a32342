// The Lambda handler bundles: which handlers there are and where each bundle lands. The one
// list the build (scripts/build.mjs), the bench (bench/runtime.mjs) and the tests read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const HANDLERS_DIR = 'lambdas/handlers';

/** The modules of lambdas/handlers/ that export a Lambda entry (`handler`); runtime.ts is shared code, not one. */
export function handlerNames(root = '.') {
  const dir = join(root, HANDLERS_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && /^export const handler\b/m.test(readFileSync(join(dir, f), 'utf8')))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

export const handlerEntry = (name) => `${HANDLERS_DIR}/${name}.ts`;

/** What the CDK stack deploys, the tests import and the bench measures. */
export const bundlePath = (name) => `dist/lambdas/${name}.cjs`;
