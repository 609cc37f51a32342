/**
 * Address sets in words, against the public address space: how findings name clients and peers
 * (reachability evidence, NACL return traffic). Its own module so rules that only describe
 * addresses do not depend on reachability.
 */
import { AddressSet } from './address-set';
import type { EvaluationContext } from './context';

export const IPV4_ONLY = AddressSet.fromCidrs(['0.0.0.0/0']);
export const IPV6_ONLY = AddressSet.fromCidrs(['::/0']);

/**
 * "all public IPv4", "all public IPv6 except 2001:db8::/32", or the blocks themselves. Client
 * sets repeat across interfaces (same routes, NACLs and groups), so descriptions are cached by
 * the set's intervals.
 */
export function describeClients(clients: AddressSet, ctx: EvaluationContext): string[] {
  const cache = ctx.memo(ctx.model, 'client-descriptions', () => new Map<string, string[]>());
  const key = `${clients.v4.join(',')}|${clients.v6.join(',')}`;
  let described = cache.get(key);
  if (!described) cache.set(key, (described = describeClientsUncached(clients, ctx)));
  return described;
}

function describeClientsUncached(clients: AddressSet, ctx: EvaluationContext): string[] {
  const out: string[] = [];
  for (const [name, family] of [['IPv4', IPV4_ONLY], ['IPv6', IPV6_ONLY]] as const) {
    const part = clients.intersect(family);
    if (part.isEmpty()) continue;
    const absent = ctx.exposure.publicAddresses.intersect(family).subtract(part);
    const holes = absent.toCidrs();
    if (holes.length === 0) out.push(`all public ${name}`);
    else if (holes.length <= 4) out.push(`all public ${name} except ${holes.join(', ')}`);
    else out.push(...part.describe(4));
  }
  return out;
}
