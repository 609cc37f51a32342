import type { AnyRule } from '../engine/rule';
import { INTERFACE_RULES } from './interface';
import { NETWORK_RULES } from './network';
import { VPN_RULES } from './vpn';
import naclAssociated from './network-acl/nacl-associated';
import naclNoPublicAdminPorts from './network-acl/nacl-no-public-admin-ports';
import naclNoPublicAllTraffic from './network-acl/nacl-no-public-all-traffic';
import naclNoShadowedEntries from './network-acl/nacl-no-shadowed-entries';
import naclNoUnfilterableTargets from './network-acl/nacl-no-unfilterable-targets';
import naclReturnTrafficAllowed from './network-acl/nacl-return-traffic-allowed';
import sgAttached from './security-group/sg-attached';
import sgDefaultClosed from './security-group/sg-default-closed';
import sgNoPublicAdminPorts from './security-group/sg-no-public-admin-ports';
import sgNoPublicAllTraffic from './security-group/sg-no-public-all-traffic';
import sgNoPublicHighRiskPorts from './security-group/sg-no-public-high-risk-ports';
import sgNoUnfilterableTargets from './security-group/sg-no-unfilterable-targets';
import sgPublicPortsAuthorized from './security-group/sg-public-ports-authorized';
import sgRuleCount from './security-group/sg-rule-count';

/** The rule catalog, in report order. Adding a rule: its file, one line here, its test. */
export const CATALOG: readonly AnyRule[] = [
  sgNoPublicAdminPorts,
  sgNoPublicHighRiskPorts,
  sgNoPublicAllTraffic,
  sgPublicPortsAuthorized,
  sgDefaultClosed,
  sgAttached,
  sgRuleCount,
  sgNoUnfilterableTargets,
  naclNoPublicAdminPorts,
  naclNoPublicAllTraffic,
  naclAssociated,
  naclNoShadowedEntries,
  naclReturnTrafficAllowed,
  naclNoUnfilterableTargets,
  ...NETWORK_RULES,
  ...INTERFACE_RULES,
  ...VPN_RULES,
];

export const RULE_IDS: readonly string[] = CATALOG.map((r) => r.meta.id);
