import { writeFileSync } from 'node:fs';
import { InputError } from '../../rules/engine/errors';
import { loadSettings, selectRules } from './audit';
import type { CliIo } from './io';
import { collectLive } from './live-collect';

export interface SnapshotOptions {
  live?: boolean;
  region?: string;
  profile?: string;
  out?: string;
  rules?: string[];
  config?: string;
}

/**
 * `vpc-auditor snapshot --live`: writes the account as a snapshot file (every key, or those
 * the --rules need), which `audit --snapshot` reads back to the findings `audit --live` prints.
 */
export async function snapshotLive(io: CliIo, opts: SnapshotOptions): Promise<number> {
  if (!opts.live) throw new InputError('snapshot: only --live is supported (it reads the account the AWS way: env, profile, --region)');
  const settings = loadSettings(io, opts.config);
  const rules = opts.rules ? selectRules(opts.rules, settings, opts.config) : undefined;
  const [snapshot] = await collectLive(io, { region: opts.region ? [opts.region] : undefined, profile: opts.profile, concurrency: settings.collectConcurrency }, rules);
  const text = `${JSON.stringify(snapshot, null, 2)}\n`;
  if (!opts.out) {
    io.stdout(text);
    return 0;
  }
  try {
    writeFileSync(opts.out, text);
  } catch (err) {
    throw new InputError(`cannot write ${opts.out}: ${(err as Error).message}`);
  }
  return 0;
}
