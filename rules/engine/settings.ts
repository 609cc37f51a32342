import * as z from 'zod';
import { parseCidr } from './cidr';
import { InputError } from './errors';
import { describeIssue } from './parse-snapshot';
import type { RuleMetadata } from './types';

/**
 * The one typed settings object (design.md "Configuration"): cdk.json context `vpc-auditor` at
 * deploy time, an environment variable in the Lambdas, `--config FILE` in the CLI. Strict:
 * an unknown key or a bad value is an error that names it.
 */
const port = z.number().int().min(0).max(65535);
const cidr = z.string().refine((s) => parseCidr(s) !== null, 'expected a CIDR block such as 198.51.100.0/24');

export const REMEDIATION_MODES = ['off', 'notify', 'dry-run', 'auto'] as const;
export type RemediationMode = (typeof REMEDIATION_MODES)[number];

/**
 * What EC2 ModifyVpnTunnelOptions accepts. DH groups: phase 1 takes 2 and 14-24, phase 2 also 5;
 * one setting covers both phases, so it takes their union.
 */
const VPN_ENCRYPTION_ALGORITHMS = ['AES128', 'AES256', 'AES128-GCM-16', 'AES256-GCM-16'] as const;
const VPN_INTEGRITY_ALGORITHMS = ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'] as const;
const VPN_DH_GROUPS = [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24] as const;

export const SettingsSchema = z.strictObject({
  trustedCidrs: z.array(cidr).default([]).describe('addresses that never count as public (your office, your VPN egress)'),
  trustedPrefixLists: z
    .array(z.string().regex(/^pl-[0-9a-z]+$/, 'expected a prefix list id such as pl-0123456789abcdef0'))
    .default([])
    .describe('customer-managed prefix lists (ids, per region) whose entries never count as public, whatever they hold'),
  // Nested objects may be partial: each field has its own default, and `prefault` parses the
  // empty object (zod's `default` would return it as is), so {tcp: [22]} keeps the udp list.
  internetMinPrefix: z
    .strictObject({ ipv4: z.number().int().min(0).max(32).default(16), ipv6: z.number().int().min(0).max(128).default(32) })
    .prefault({})
    .describe('how large a public set of addresses must be to be internet-open (prefix length per family)'),
  highRiskPorts: z
    .strictObject({
      tcp: z.array(port).default([20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300]),
      udp: z.array(port).default([137, 138, 139, 161, 445, 1434, 11211]),
    })
    .prefault({})
    .describe('ports sg-no-public-high-risk-ports checks'),
  authorizedTcpPorts: z.array(port).default([80, 443]).describe('tcp ports sg-public-ports-authorized allows to be public'),
  authorizedUdpPorts: z.array(port).default([]).describe('udp ports sg-public-ports-authorized allows to be public'),
  maxRulesPerDirection: z.number().int().min(1).default(50).describe('most rules per direction sg-rule-count allows'),
  includeDefaultNacl: z.boolean().default(false).describe('whether the public-port NACL rules also evaluate default NACLs'),
  ephemeralPorts: z
    .strictObject({ from: port.default(1024), to: port.default(65535) })
    .refine((r) => r.from <= r.to, 'from must be <= to')
    .prefault({})
    .describe('return-traffic ports (nacl-return-traffic-allowed, reachability)'),
  clientVpnSplitTunnel: z.boolean().default(false).describe('the split-tunnel setting Client VPN endpoints must have (client-vpn-split-tunnel-policy)'),
  /** vpn-strong-crypto: what a tunnel may negotiate, among the values AWS accepts (a typo would fail every tunnel). */
  vpnEncryptionAlgorithms: z.array(z.enum(VPN_ENCRYPTION_ALGORITHMS)).default(['AES256', 'AES256-GCM-16']).describe('encryption algorithms a VPN tunnel may negotiate (vpn-strong-crypto; AES128, AES256, AES128-GCM-16, AES256-GCM-16)'),
  vpnIntegrityAlgorithms: z.array(z.enum(VPN_INTEGRITY_ALGORITHMS)).default(['SHA2-256', 'SHA2-384', 'SHA2-512']).describe('integrity algorithms a VPN tunnel may negotiate (vpn-strong-crypto; SHA1, SHA2-256, SHA2-384, SHA2-512)'),
  vpnDhGroups: z.array(z.literal(VPN_DH_GROUPS)).default([14, 15, 16, 17, 18, 19, 20, 21]).describe('Diffie-Hellman groups a VPN tunnel may negotiate (vpn-strong-crypto; 2, 5, 14-24)'),
  replacementCidrs: z.array(cidr).default([]).describe('CIDRs that revoke-public-ingress authorizes the offending ports from before it revokes the public rules'),
  maxRemediationsPerInvocation: z.number().int().min(0).default(20).describe('most automatic remediations per invocation'),
  maxRemediationsPerHour: z.number().int().min(0).default(100).describe('most automatic remediations per hour'),
  /** Live collection: EC2 calls in flight at once (the SDK's adaptive retry absorbs throttling). */
  collectConcurrency: z.number().int().min(1).max(64).default(8).describe('EC2 calls in flight at once during live collection (audit --live, the Lambdas)'),
  // The runtime (lambdas/): where findings go and when the whole region is read again.
  sinks: z
    .strictObject({ securityHub: z.boolean().default(true), config: z.boolean().default(true) })
    .prefault({})
    .describe('where the Lambdas publish findings: securityHub (BatchImportFindings) and config (PutEvaluations), each true or false'),
  sweepSchedule: z
    .string()
    .regex(/^(rate|cron|at)\(.+\)$/, 'expected an EventBridge Scheduler expression such as rate(1 day) or cron(0 3 * * ? *)')
    .default('rate(1 day)')
    .describe('when the sweep handler reads the whole region (an EventBridge Scheduler expression)'),
  /** Per-rule overrides; the rule's own default mode applies otherwise. */
  rules: z.record(z.string(), z.strictObject({ mode: z.enum(REMEDIATION_MODES) })).default({}).describe('per-rule mode: off, notify, dry-run or auto'),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Validates settings against the catalog: a mode for a rule that does not exist is an error (a
 * typo there would silently leave a rule on), and so is `dry-run` or `auto` for a rule that has
 * no remediation kind (the finding would claim a remediation nothing can carry out).
 */
export function parseSettings(value: unknown, source: string, catalog: readonly { meta: Pick<RuleMetadata, 'id' | 'remediation'> }[]): Settings {
  // Absent (no cdk.json context) means defaults; an explicit null is as wrong as [] or 42.
  const result = SettingsSchema.safeParse(value === undefined ? {} : value);
  if (!result.success) throw new InputError(`${source}: ${describeIssue(result.error.issues[0])}`);
  for (const [id, { mode }] of Object.entries(result.data.rules)) {
    const rule = catalog.find((r) => r.meta.id === id);
    if (!rule) throw new InputError(`${source}: rules.${id}: no rule has this id`);
    if ((mode === 'dry-run' || mode === 'auto') && !rule.meta.remediation.kind) {
      throw new InputError(`${source}: rules.${id}.mode: ${mode} needs a remediation, and ${id} has none (use notify or off)`);
    }
  }
  return result.data;
}
