import type { EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Snapshot, SnapshotKey } from '../../../rules/engine/snapshot-schema';
import { type CallFailure, classifyCallError, describeCallError, isNotFound } from './call-errors';
import { planReads, type Read, vpcsOf } from './plan';
import { ACCOUNT_ACTION, type Scope, type Source, sourceOf } from './sources';

/** Clients are built once by the caller (CLI, or a handler's makeHandler) and passed in. */
export interface CollectClients {
  ec2: EC2Client;
  sts: STSClient;
}

export interface CollectOptions {
  /** What to read: keysFor(rules, { exposure }) or ALL_KEYS. */
  keys: readonly SnapshotKey[];
  scope?: Scope;
  /** Calls in flight at once (settings `collectConcurrency`, default 8). */
  concurrency?: number;
  onProgress?: (progress: { calls: number; resources: number }) => void;
}

/** A call the account would not answer: its keys are absent from the snapshot. */
export interface CollectWarning {
  call: string;
  kind: CallFailure;
  error: string;
  keys: SnapshotKey[];
}

export interface Collected {
  snapshot: Snapshot;
  warnings: CollectWarning[];
  /** Requests sent (pages count one each). */
  calls: number;
}

/** A read failed in a way that must stop the run (exit 2): not a denial, not a missing action. */
export class CollectError extends Error {
  override name = 'CollectError';
  constructor(
    /** The action that failed, e.g. `ec2:DescribeVpcs`. */
    readonly call: string,
    /** The error's code, HTTP status and first message line. */
    readonly detail: string,
  ) {
    super(`${call} failed: ${detail}`);
  }
}

export const DEFAULT_COLLECT_CONCURRENCY = 8;

/**
 * Reads the account into the snapshot contract, read-only (Describe/Get calls only). Reads run
 * in stages because some calls need what others returned (the VPCs of the resources named in
 * a resource scope, the groups whose rules to list, the endpoints and prefix lists to expand);
 * within a stage, calls run concurrently up to `concurrency`.
 */
export async function collect(clients: CollectClients, options: CollectOptions): Promise<Collected> {
  const run = new Collection(clients, options);
  return run.collect();
}

class Collection {
  private readonly data: Partial<Record<SnapshotKey, unknown[]>> = {};
  private readonly entries: Record<string, Array<Record<string, unknown>>> = {};
  private readonly failed = new Map<SnapshotKey, CollectWarning>();
  private readonly vpcIds = new Set<string>();
  private readonly warnings: CollectWarning[] = [];
  private readonly scope: Scope;
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private calls = 0;
  private resources = 0;

  constructor(
    private readonly clients: CollectClients,
    private readonly options: CollectOptions,
  ) {
    this.scope = options.scope ?? { kind: 'region' };
    this.limit = limiter(options.concurrency ?? DEFAULT_COLLECT_CONCURRENCY);
  }

  async collect(): Promise<Collected> {
    const keys = new Set(this.options.keys);
    const [accountId, region] = await Promise.all([this.limit(() => this.account()), this.clients.ec2.config.region()]);
    // planReads hands out the reads of one stage at a time, given what earlier stages returned.
    for (let stage = 0; ; stage++) {
      const reads = planReads(stage, keys, this.scope, { data: this.data, vpcIds: this.vpcIds });
      if (reads === null) break;
      await Promise.all(reads.map((read) => this.limit(() => this.read(read))));
    }
    const snapshot: Record<string, unknown> = {};
    if (accountId) snapshot.AccountId = accountId;
    snapshot.Region = region;
    for (const key of this.options.keys) {
      if (this.failed.has(key)) continue;
      // Entries are known once the lists are: a list no rule or route uses needs none.
      if (key === 'PrefixListEntries') {
        if (this.data.ManagedPrefixLists !== undefined) snapshot.PrefixListEntries = this.entries;
      } else if (this.data[key] !== undefined) snapshot[key] = this.data[key];
    }
    return { snapshot: snapshot as Snapshot, warnings: this.warnings, calls: this.calls };
  }

  private async account(): Promise<string | undefined> {
    try {
      this.counted(1, 0);
      const out = await this.clients.sts.send(new GetCallerIdentityCommand({}));
      return out.Account;
    } catch (err) {
      const kind = classifyCallError(err);
      if (kind === 'fatal') throw new CollectError(ACCOUNT_ACTION, describeCallError(err));
      this.warnings.push({ call: ACCOUNT_ACTION, kind, error: describeCallError(err), keys: [] });
      return undefined;
    }
  }

  private async read(read: Read): Promise<void> {
    const { source } = read;
    if (this.failed.has(source.key)) return;
    if (read.none) {
      this.data[source.key] ??= [];
      return;
    }
    try {
      const items = await this.fetch(source, read.input);
      if (this.failed.has(source.key)) return; // another page of this key was refused meanwhile
      if (read.locate) this.locate(source, items, read.keep === true);
      else if (read.prefixListId) this.entries[read.prefixListId] = items.map(entryOf);
      else (this.data[source.key] ??= []).push(...(read.tag ? items.map((i) => ({ ...i, ...read.tag })) : items));
    } catch (err) {
      this.counted(1, 0); // the refused call was sent too
      // The endpoint or prefix list went away between its listing and this call: an endpoint
      // left no rules; a list's entries stay unknown (absent), never an empty list.
      if (source.perItem && isNotFound(err)) {
        if (read.tag) this.data[source.key] ??= [];
        return;
      }
      const kind = classifyCallError(err);
      if (kind === 'fatal') throw new CollectError(source.action, describeCallError(err));
      this.fail(source, kind, err);
    }
  }

  /**
   * Stage 0: the VPCs of the named resources. Kept as data: resources in no VPC (a detached
   * gateway, which no VPC-filtered read would bring back), and every one when the scope reads no
   * VPC context (`keep`: this read is then the resource's only read).
   */
  private locate(source: Source, items: Array<Record<string, unknown>>, keep: boolean): void {
    for (const item of items) {
      const vpcs = vpcsOf(item);
      if (keep || vpcs.length === 0) (this.data[source.key] ??= []).push(item);
      for (const vpc of vpcs) this.vpcIds.add(vpc);
    }
  }

  /** Every page of one call, as plain JSON (Dates become ISO strings, as in a snapshot file). */
  private async fetch(source: Source, readInput: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    const input = source.params ? { ...source.params, ...readInput } : readInput;
    const items: Array<Record<string, unknown>> = [];
    const take = (page: Record<string, unknown>) => {
      const got = (page[source.field] ?? []) as unknown[];
      this.counted(1, got.length);
      for (const item of JSON.parse(JSON.stringify(got)) as Array<Record<string, unknown>>) items.push(item);
    };
    if (source.paginate) {
      for await (const page of source.paginate({ client: this.clients.ec2, pageSize: source.pageSize }, input)) take(page);
    } else {
      take((await this.clients.ec2.send(new source.command(input) as never)) as unknown as Record<string, unknown>);
    }
    return items;
  }

  private counted(calls: number, resources: number): void {
    this.calls += calls;
    this.resources += resources;
    this.options.onProgress?.({ calls: this.calls, resources: this.resources });
  }

  /** The key (and the keys read through it) stay absent; one warning names the call. */
  private fail(source: Source, kind: CallFailure, err: unknown): void {
    // Calls for several items (endpoints, prefix lists, filter chunks) run at once: warn once.
    if (this.failed.has(source.key)) return;
    const keys: SnapshotKey[] = [source.key];
    for (const key of this.options.keys) if (sourceOf(key)?.perItem === source.key) keys.push(key);
    const warning: CollectWarning = { call: source.action, kind, error: describeCallError(err), keys };
    for (const key of keys) {
      this.failed.set(key, warning);
      delete this.data[key];
    }
    this.warnings.push(warning);
  }
}

function entryOf(e: Record<string, unknown>): Record<string, unknown> {
  return e.Description === undefined ? { Cidr: e.Cidr } : { Cidr: e.Cidr, Description: e.Description };
}

/** Runs at most `n` tasks at once, in the order they were queued. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    active--;
    queue.shift()?.();
  };
  return (task) =>
    new Promise((resolve, reject) => {
      const start = () => {
        active++;
        task().then(resolve, reject).finally(next);
      };
      if (active < n) start();
      else queue.push(start);
    });
}
