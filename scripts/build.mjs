// Bundles the CLI (and the engine, for the benchmark) into single CommonJS files, so
// `vpc-auditor` starts without compiling TypeScript. The snapshot validator is compiled here,
// once, from the zod schema (see rules/engine/snapshot-validator.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundlePath, handlerEntry, handlerNames } from './lambda-bundles.mjs';

const require = createRequire(import.meta.url);
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

/** ajv standalone code for the snapshot schema, built from the TypeScript source of the schema. */
async function validatorModule() {
  const out = await build({ ...common, entryPoints: ['rules/engine/snapshot-schema.ts'], write: false, sourcemap: false, minify: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  const Ajv = require('ajv').default;
  const standalone = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ ...mod.exports.SNAPSHOT_AJV_OPTIONS, code: { source: true } });
  const code = standalone(ajv, ajv.compile(mod.exports.snapshotJsonSchema()));
  // Evaluated on first use, not at load: a bundle that never validates a snapshot (the Lambda
  // handlers only borrow describeIssue from parse-snapshot) then drops this code altogether.
  return `let validate;\nexport const snapshotValidator = () => (validate ??= (() => {\nconst m = { exports: {} };\n(function (module, exports) {\n${code}\n})(m, m.exports);\nreturn m.exports.default ?? m.exports;\n})());\n`;
}

const contents = await validatorModule();
const precompiled = {
  name: 'precompiled-snapshot-validator',
  setup(b) {
    b.onResolve({ filter: /\/snapshot-validator$/ }, (args) => ({ path: resolve(args.resolveDir, args.path), namespace: 'precompiled' }));
    b.onLoad({ filter: /.*/, namespace: 'precompiled' }, () => ({ contents, loader: 'js', resolveDir: dirname(require.resolve('ajv/package.json')) }));
  },
};

// Live mode (bin/cli/live.ts, with the AWS SDK) is its own bundle, loaded only by --live.
const liveApart = {
  name: 'live-mode-apart',
  setup(b) {
    // A shim that requires the bundle at run time (the CLI runs in a vm.Script, where import() is unavailable).
    b.onResolve({ filter: /^\.\/live$/ }, () => ({ path: 'live', namespace: 'live-apart' }));
    b.onLoad({ filter: /.*/, namespace: 'live-apart' }, () => ({ contents: 'module.exports = require("./cli-live.cjs");', loader: 'js' }));
    b.onResolve({ filter: /^\.\/cli-live\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// The SDK clients' schema modules (dist-es/schemas/schemas_0.js) declare every shape of the
// service, and a shape with an XML name (all of EC2's query protocol) is written `{ [_xN]: _bC }`:
// a computed key esbuild cannot prove pure, so it keeps every such shape, used or not (EC2: 540 KB
// of 550). The keys are the module's own string constants; writing them as literals lets the
// unused shapes be dropped (a handler's EC2 share falls to under 90 KB).
const sdkSchemaLiteralKeys = {
  name: 'sdk-schema-literal-keys',
  setup(b) {
    b.onLoad({ filter: /@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const strings = new Map([...text.matchAll(/^const (_\w+) = ("[^"\\]*");$/gm)].map((m) => [m[1], m[2]]));
      return { contents: text.replace(/\[(_\w+)\]:/g, (key, name) => (strings.has(name) ? `${strings.get(name)}:` : key)), loader: 'js' };
    });
  },
};

// One bundle per Lambda handler, the AWS SDK inside (../shared/toolchain.md: preferring the
// packages' ESM builds, `mainFields: ['module','main']`, gave the smallest and fastest-starting
// bundles). No source map: it would be deployed beside the bundle and Lambda does not read it
// unless NODE_OPTIONS says so.
const lambdaBundles = handlerNames().map((name) =>
  build({ ...common, entryPoints: [handlerEntry(name)], outfile: bundlePath(name), sourcemap: false, mainFields: ['module', 'main'], plugins: [precompiled, sdkSchemaLiteralKeys] }),
);

await Promise.all([
  ...lambdaBundles,
  build({ ...common, entryPoints: ['bin/cli.ts'], outfile: 'dist/cli.cjs' }),
  build({ ...common, entryPoints: ['bin/cli/main.ts'], outfile: 'dist/cli-main.cjs', plugins: [precompiled, liveApart] }),
  build({ ...common, entryPoints: ['bin/cli/live.ts'], outfile: 'dist/cli-live.cjs', plugins: [precompiled] }),
  build({ ...common, entryPoints: ['rules/index.ts'], outfile: 'dist/engine.cjs', plugins: [precompiled] }),
]);

// The CLI's V8 code cache (bin/cli/code-cache.ts), made by this machine's Node from one audit of
// the sample account, so it holds the code an audit runs.
rmSync('dist/cli-main.cjs.codecache', { force: true });
execFileSync(process.execPath, ['dist/cli.cjs', 'audit', '--snapshot', 'examples/sample-account.json', '--format', 'table', '--fail-on', 'none'], {
  env: { ...process.env, VPC_AUDITOR_WRITE_CODE_CACHE: '1' },
  stdio: 'ignore',
});
