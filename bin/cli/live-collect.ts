import { makeCollectClients } from '../../lambdas/adapters/ec2/clients';
import { type Collected, CollectError, collect } from '../../lambdas/adapters/ec2/collect';
import { ALL_KEYS, keysFor } from '../../lambdas/adapters/ec2/keys';
import { InputError } from '../../rules/engine/errors';
import { parseSnapshot } from '../../rules/engine/parse-snapshot';
import type { AnyRule } from '../../rules/engine/rule';
import type { Snapshot } from '../../rules/engine/snapshot-schema';
import type { CliIo } from './io';

/**
 * Live mode (`audit --live`, `snapshot --live`): reads the account through the collector in
 * lambdas/adapters/ec2, one region at a time in parallel. Bundled apart from the CLI
 * (dist/cli-live.cjs, see scripts/build.mjs) so that auditing a file never loads the AWS SDK.
 */
export interface LiveOptions {
  /** --region, repeatable; none = the SDK's usual chain (AWS_REGION, the profile). */
  region?: string[];
  profile?: string;
  concurrency: number;
}

/** Collects one snapshot per region for these rules (all keys when `rules` is undefined). */
export async function collectLive(io: CliIo, opts: LiveOptions, rules: readonly AnyRule[] | undefined): Promise<Snapshot[]> {
  // On Node 20 the SDK prints a 7-line notice about its own future Node support on every run;
  // stderr is for what this run could not read (one line per refused call). package.json's
  // engines field is where the CLI's Node support is stated.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const keys = rules ? keysFor(rules, { exposure: true }) : ALL_KEYS;
  const regions: Array<string | undefined> = opts.region?.length ? [...new Set(opts.region)] : [undefined];
  const progress = new Progress(io);
  const totals = regions.map(() => ({ calls: 0, resources: 0 }));
  try {
    const results = await Promise.all(
      regions.map(async (region, i) => {
        const clients = makeCollectClients({ region, profile: opts.profile });
        await checkRegion(clients.ec2.config.region);
        try {
          return await collect(clients, {
            keys,
            concurrency: opts.concurrency,
            onProgress: (p) => {
              totals[i] = p;
              progress.show(totals);
            },
          });
        } catch (err) {
          // With several regions the line says which one failed, as warnings do (a region the
          // account has not enabled refuses the credentials, whatever the call).
          if (err instanceof CollectError && regions.length > 1) throw new InputError(`${err.call} in ${region} failed: ${err.detail}`);
          throw err;
        }
      }),
    );
    progress.clear();
    for (const line of warningLines(results, regions.length > 1)) io.stderr(line);
    return results.map((r) => parseSnapshot(r.snapshot, `live snapshot of ${r.snapshot.Region}`));
  } catch (err) {
    progress.clear();
    if (err instanceof CollectError) throw new InputError(err.message);
    throw err;
  }
}

async function checkRegion(region: () => Promise<string>): Promise<void> {
  try {
    await region();
  } catch {
    throw new InputError('no AWS region: pass --region or set AWS_REGION (or a region in the profile)');
  }
}

/** One stderr line per refused call: what was not read, and why. */
function warningLines(results: readonly Collected[], withRegion: boolean): string[] {
  return results.flatMap((r) =>
    r.warnings.map((w) => {
      const where = withRegion ? ` in ${r.snapshot.Region}` : '';
      const why = w.kind === 'denied' ? 'was denied' : 'is not implemented by the endpoint';
      const absent = w.keys.length ? `; absent: ${w.keys.join(', ')}` : '';
      return `vpc-auditor: warning: ${w.call}${where} ${why} (${w.error})${absent}\n`;
    }),
  );
}

/** "calls N, resources M" rewritten in place on a terminal's stderr; silent otherwise. */
class Progress {
  private shown = false;
  private last = 0;
  constructor(private readonly io: CliIo) {}

  show(totals: ReadonlyArray<{ calls: number; resources: number }>): void {
    if (!this.io.stderrIsTty) return;
    const now = Date.now();
    if (now - this.last < 100) return; // a redraw per page would cost more than the page
    this.last = now;
    const calls = totals.reduce((n, t) => n + t.calls, 0);
    const resources = totals.reduce((n, t) => n + t.resources, 0);
    this.io.stderr(`\rreading: ${calls} calls, ${resources} resources`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
    this.shown = false;
  }
}
