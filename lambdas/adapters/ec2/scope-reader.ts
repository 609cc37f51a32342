import type { ScopeReader } from '../../app/audit-scope';
import { type CollectClients, collect } from './collect';
import { keysFor } from './keys';

/** The collector as the use-cases' ScopeReader: the keys the rules need, read in the scope. */
export function ec2ScopeReader(clients: CollectClients, concurrency?: number): ScopeReader {
  return {
    async read({ rules, exposure, scope }) {
      const { snapshot, warnings } = await collect(clients, { keys: keysFor(rules, { exposure }), scope, concurrency });
      return { snapshot, warnings };
    },
  };
}
