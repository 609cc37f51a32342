// Builds dist/engine-unminified.cjs: the engine with readable function names, for profiles.
// (It validates with ajv compiled at first use, not the precompiled code of dist/engine.cjs.)
import { build } from 'esbuild';

await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  entryPoints: ['rules/index.ts'],
  outfile: 'dist/engine-unminified.cjs',
  logLevel: 'warning',
});
