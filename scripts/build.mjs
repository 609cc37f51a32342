// Bundles the CLI (and the engine, for the benchmark) into single CommonJS files, so
// `vpc-auditor` starts without compiling TypeScript.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['bin/cli.ts'], outfile: 'dist/cli.cjs' }),
  build({ ...common, entryPoints: ['rules/index.ts'], outfile: 'dist/engine.cjs' }),
]);
