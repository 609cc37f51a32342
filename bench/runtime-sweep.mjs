// Bundled by bench/runtime.mjs and run in a fresh process: the sweep use-case (lambdas/app) on an
// inventory file, with in-memory adapters: a collector that returns the inventory as the
// snapshot; Security Hub as the real importer (lambdas/adapters/security-hub.ts: chunks of 100)
// over a client that counts BatchImportFindings requests and keeps nothing, as the remote
// service costs the function nothing to hold; the finding-state table as a map of JSON items
// (what DynamoDB would hold; kept in this process, so it counts against the peak). Prints one
// JSON line: times of a first sweep (everything new, all sent) and a second (unchanged), and the
// process's peak RSS.
import { readFileSync } from 'node:fs';
import { sweepRegion } from '../lambdas/app/sweep-region.ts';
import { DEFAULT_SETTINGS } from '../rules/engine/settings.ts';
import { securityHubImporter } from '../lambdas/adapters/security-hub.ts';

/** The finding-state table: item JSON per scope and Id. */
function jsonStateStore() {
  const items = new Map();
  const key = (scope, id) => `${scope.accountId}/${scope.region} ${id}`;
  return {
    async get(scope, ids) {
      return new Map(ids.flatMap((id) => (items.has(key(scope, id)) ? [[id, JSON.parse(items.get(key(scope, id)))]] : [])));
    },
    async put(scope, records) {
      for (const r of records) items.set(key(scope, r.id), JSON.stringify(r));
    },
    async list(scope) {
      const prefix = key(scope, '');
      return [...items].filter(([k]) => k.startsWith(prefix)).map(([, v]) => JSON.parse(v));
    },
  };
}

// A function, not top-level await: the bench bundles this as CommonJS, like the handlers.
async function main() {
  const t = () => performance.now();
  let a = t();
  const snapshot = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const parse = t() - a;
  const reader = { read: async () => ({ snapshot, warnings: [] }) };
  let imports = 0;
  const client = { send: async () => (imports++, { FailedFindings: [] }) };
  const ports = { securityHub: securityHubImporter(client), state: jsonStateStore() };
  const sweep = (now) => sweepRegion({ reader, publish: ports, settings: DEFAULT_SETTINGS, now });

  a = t();
  const first = await sweep(new Date('2026-12-01T06:00:00Z'));
  const firstMs = t() - a;
  a = t();
  const second = await sweep(new Date('2026-12-02T06:00:00Z'));
  const secondMs = t() - a;
  console.log(JSON.stringify({ parse, firstMs, secondMs, first, second, imports, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
