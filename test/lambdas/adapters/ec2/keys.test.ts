import { describe, expect, it } from 'vitest';
import { keysFor } from '../../../../lambdas/adapters/ec2/keys';
import { CATALOG } from '../../../../rules/catalog';

const rules = (...ids: string[]) => CATALOG.filter((r) => ids.includes(r.meta.id));

describe('keysFor', () => {
  it('reads a rule’s resource list and its inputs', () => {
    expect(keysFor(rules('vpc-flow-logs-enabled'), { exposure: true })).toEqual(['Vpcs', 'FlowLogs']);
    expect(keysFor(rules('client-vpn-no-authorize-all'), { exposure: true })).toEqual(['ClientVpnEndpoints', 'AuthorizationRules']);
  });

  it('adds the reachability context for exposure severity only when asked', () => {
    const without = keysFor(rules('sg-no-public-admin-ports'), { exposure: false });
    const withIt = keysFor(rules('sg-no-public-admin-ports'), { exposure: true });
    expect(without).toEqual(['SecurityGroups', 'SecurityGroupRules', 'Vpcs', 'ManagedPrefixLists', 'PrefixListEntries']);
    expect(withIt).toEqual([
      'SecurityGroups',
      'SecurityGroupRules',
      'NetworkAcls',
      'Vpcs',
      'Subnets',
      'RouteTables',
      'InternetGateways',
      'NetworkInterfaces',
      'ManagedPrefixLists',
      'PrefixListEntries',
    ]);
    // Rules without exposure-aware severity read the same either way.
    expect(keysFor(rules('sg-rule-count'), { exposure: true })).toEqual(keysFor(rules('sg-rule-count'), { exposure: false }));
  });

  it('never asks for Reservations or egress-only gateways: no rule reads them', () => {
    expect(keysFor(CATALOG, { exposure: true })).not.toContain('Reservations');
    expect(keysFor(CATALOG, { exposure: true })).not.toContain('EgressOnlyInternetGateways');
  });
});
