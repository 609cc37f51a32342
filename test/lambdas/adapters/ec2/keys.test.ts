import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keysFor } from '../../../../lambdas/adapters/ec2/keys';
import { CATALOG } from '../../../../rules/catalog';
import { audit } from '../../../helpers';

const rules = (...ids: string[]) => CATALOG.filter((r) => ids.includes(r.meta.id));

describe('keysFor', () => {
  it('reads a rule’s resource list and its inputs', () => {
    expect(keysFor(rules('customer-gateway-in-use'), { exposure: true })).toEqual(['VpnConnections', 'CustomerGateways']);
    expect(keysFor(rules('client-vpn-no-authorize-all'), { exposure: true })).toEqual(['ClientVpnEndpoints', 'AuthorizationRules']);
  });

  it('adds the keys a rule reads when present (its reads), and only that rule\'s', () => {
    // The flow-log rule's evidence names flow logs of the VPC's subnets and interfaces; the
    // interfaces' route tables (what a NAT-instance check needs) are not read for it.
    expect(keysFor(rules('vpc-flow-logs-enabled'), { exposure: true })).toEqual(['Vpcs', 'Subnets', 'NetworkInterfaces', 'FlowLogs']);
    expect(keysFor(rules('eni-source-dest-check-enabled'), { exposure: true })).toEqual(['RouteTables', 'NetworkInterfaces']);
  });

  it('adds the reachability context for exposure severity only when asked', () => {
    const without = keysFor(rules('sg-no-public-admin-ports'), { exposure: false });
    const withIt = keysFor(rules('sg-no-public-admin-ports'), { exposure: true });
    expect(without).toEqual(['SecurityGroups', 'SecurityGroupRules', 'ManagedPrefixLists', 'PrefixListEntries']);
    expect(withIt).toEqual([
      'SecurityGroups',
      'SecurityGroupRules',
      'NetworkAcls',
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

describe('keysFor reads enough', () => {
  const sample = JSON.parse(readFileSync('examples/sample-account.json', 'utf8')) as Record<string, unknown>;
  const full = audit(sample);

  it.each(CATALOG.map((r) => [r.meta.id, r] as const))('%s: the keys it names give the findings the whole sample account gives', (id, rule) => {
    const keys = keysFor([rule], { exposure: true });
    const picked = Object.fromEntries(Object.entries(sample).filter(([k]) => k === 'AccountId' || k === 'Region' || (keys as string[]).includes(k)));
    expect(audit(picked, [rule])).toEqual(full.filter((f) => f.ruleId === id));
  });
});
