import { z } from 'zod';
import { parseCidr } from './cidr';
import { InputError } from './errors';
import { describeIssue } from './parse-snapshot';

/**
 * The one typed settings object (design.md "Configuration"): cdk.json context `vpc-auditor` at
 * deploy time, an environment variable in the Lambdas, `--config FILE` in the CLI. Strict:
 * an unknown key or a bad value is an error that names it.
 */
const port = z.number().int().min(0).max(65535);
const cidr = z.string().refine((s) => parseCidr(s) !== null, 'expected a CIDR block such as 198.51.100.0/24');
const portRange = z.strictObject({ from: port, to: port }).refine((r) => r.from <= r.to, 'from must be <= to');

export const REMEDIATION_MODES = ['off', 'notify', 'dry-run', 'auto'] as const;
export type RemediationMode = (typeof REMEDIATION_MODES)[number];

export const SettingsSchema = z.strictObject({
  trustedCidrs: z.array(cidr).default([]),
  internetMinPrefix: z
    .strictObject({ ipv4: z.number().int().min(0).max(32), ipv6: z.number().int().min(0).max(128) })
    .default({ ipv4: 16, ipv6: 32 }),
  highRiskPorts: z
    .strictObject({ tcp: z.array(port), udp: z.array(port) })
    .default({
      tcp: [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300],
      udp: [137, 138, 139, 161, 445, 1434, 11211],
    }),
  authorizedTcpPorts: z.array(port).default([80, 443]),
  authorizedUdpPorts: z.array(port).default([]),
  maxRulesPerDirection: z.number().int().min(1).default(50),
  includeDefaultNacl: z.boolean().default(false),
  ephemeralPorts: portRange.default({ from: 1024, to: 65535 }),
  clientVpnSplitTunnel: z.boolean().default(false),
  /** vpn-strong-crypto: what a tunnel may negotiate (AWS names, DH group numbers). */
  vpnEncryptionAlgorithms: z.array(z.string()).default(['AES256', 'AES256-GCM-16']),
  vpnIntegrityAlgorithms: z.array(z.string()).default(['SHA2-256', 'SHA2-384', 'SHA2-512']),
  vpnDhGroups: z.array(z.number().int()).default([14, 15, 16, 17, 18, 19, 20, 21]),
  replacementCidrs: z.array(cidr).default([]),
  maxRemediationsPerInvocation: z.number().int().min(0).default(20),
  maxRemediationsPerHour: z.number().int().min(0).default(100),
  /** Live collection: EC2 calls in flight at once (the SDK's adaptive retry absorbs throttling). */
  collectConcurrency: z.number().int().min(1).max(64).default(8),
  /** Per-rule overrides; the rule's own default mode applies otherwise. */
  rules: z.record(z.string(), z.strictObject({ mode: z.enum(REMEDIATION_MODES) })).default({}),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Validates settings; `knownRuleIds` lets the caller reject a mode for a rule that does not
 * exist (a typo there would silently leave a rule on).
 */
export function parseSettings(value: unknown, source: string, knownRuleIds: readonly string[]): Settings {
  const result = SettingsSchema.safeParse(value ?? {});
  if (!result.success) throw new InputError(`${source}: ${describeIssue(result.error.issues[0])}`);
  for (const id of Object.keys(result.data.rules)) {
    if (!knownRuleIds.includes(id)) throw new InputError(`${source}: rules.${id}: no rule has this id`);
  }
  return result.data;
}
