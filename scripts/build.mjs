// Bundles the CLI into one CommonJS file so `vpc-auditor` starts without compiling TypeScript.
import { build } from 'esbuild';

await build({
  entryPoints: ['bin/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
