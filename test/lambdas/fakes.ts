import { type AsffFinding, DeliveryError, type FindingState, type FindingStateStore, type PublishPorts, type StateScope } from '../../lambdas/app/ports';
import type { Finding } from '../../rules/engine/types';

/** A finding as the engine makes them, for resource `sg-<i>` unless `over` says otherwise. */
export function finding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'sg-no-public-admin-ports',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: `sg-${i}`,
    status: 'FAIL',
    severity: 'HIGH',
    title: 'Security groups do not allow administrative ports from the internet',
    message: `sg-${i} allows tcp 22 from 0.0.0.0/0.`,
    evidence: { ports: [22] },
    remediation: { text: 'Revoke the rules.', url: 'https://docs.aws.amazon.com/', kind: 'revoke-public-ingress', mode: 'notify' },
    compliance: { 'aws-fsbp': ['EC2.13'] },
    ...over,
  };
}

export const findings = (n: number) => Array.from({ length: n }, (_, i) => finding(i));

/** The finding-state table in memory, one map per account/region, counting its calls. */
export class MemoryStateStore implements FindingStateStore {
  readonly tables = new Map<string, Map<string, FindingState>>();
  calls = { get: 0, put: 0, list: 0 };

  private table(scope: StateScope) {
    const key = `${scope.accountId}/${scope.region}`;
    if (!this.tables.has(key)) this.tables.set(key, new Map());
    return this.tables.get(key) as Map<string, FindingState>;
  }

  async get(scope: StateScope, ids: readonly string[]) {
    this.calls.get++;
    const t = this.table(scope);
    return new Map(ids.flatMap((id) => (t.has(id) ? [[id, structuredClone(t.get(id) as FindingState)] as const] : [])));
  }

  async put(scope: StateScope, records: readonly FindingState[]) {
    this.calls.put++;
    for (const r of records) this.table(scope).set(r.id, structuredClone(r));
  }

  /** Pages of `pageSize` records in Id order, each read when asked for, as a DynamoDB Query pages. */
  pageSize = 1_000;

  async *listPages(scope: StateScope) {
    let after = '';
    for (;;) {
      this.calls.list++;
      const ids = [...this.table(scope).keys()].filter((id) => id > after).sort().slice(0, this.pageSize);
      yield ids.map((id) => structuredClone(this.table(scope).get(id) as FindingState));
      if (ids.length < this.pageSize) return;
      after = ids.at(-1) as string;
    }
  }
}

/** Security Hub in memory: keeps the last import of each Id; `reject` lists Ids it refuses. */
export class MemorySecurityHub {
  readonly imports: AsffFinding[][] = [];
  readonly byId = new Map<string, AsffFinding>();
  reject = new Set<string>();

  async importFindings(batch: readonly AsffFinding[]) {
    this.imports.push([...batch]);
    const failures = batch.filter((f) => this.reject.has(f.Id as string)).map((f) => ({ id: f.Id as string, code: 'InvalidInput', message: 'refused' }));
    for (const f of batch) if (!this.reject.has(f.Id as string)) this.byId.set(f.Id as string, f);
    if (failures.length > 0) throw new DeliveryError('Security Hub', failures);
  }

  get sent() {
    return this.imports.flat();
  }
}

export function memoryPorts(): PublishPorts & { securityHub: MemorySecurityHub; state: MemoryStateStore } {
  return { securityHub: new MemorySecurityHub(), state: new MemoryStateStore() };
}
