import type { EvaluationContext } from '../../engine/context';
import { defineRule, fail, pass } from '../../engine/rule';
import type { TunnelOptions } from '../../engine/snapshot-schema';
import { S2S_VPN_DOC, VPN_CONNECTION_TRIGGERS } from './triggers';
import { AWS_TUNNEL_DEFAULTS, configured, judgeTunnels, tunnelName } from './tunnels';

type ListName = 'encryption' | 'integrity' | 'dhGroups';

/** The weak values one phase of one tunnel permits; only lists with weak values appear. */
interface PhaseWeakness {
  encryption?: string[];
  integrity?: string[];
  dhGroups?: number[];
  /** True when some reported list was empty, so its values are the AWS defaults. */
  fromDefaults: boolean;
  /** Which reported lists came from AWS defaults, when only some did. */
  defaultedLists?: ListName[];
}

const PHASES = [1, 2] as const;

function optionLists(t: TunnelOptions, phase: 1 | 2) {
  return phase === 1
    ? { encryption: t.Phase1EncryptionAlgorithms, integrity: t.Phase1IntegrityAlgorithms, dhGroups: t.Phase1DHGroupNumbers }
    : { encryption: t.Phase2EncryptionAlgorithms, integrity: t.Phase2IntegrityAlgorithms, dhGroups: t.Phase2DHGroupNumbers };
}

/** Values outside `allowed`; algorithm names compare case-insensitively (AWS prints them upper case). */
function outside<T extends string | number>(values: readonly T[], allowed: readonly T[]): T[] {
  const ok = new Set(allowed.map((a) => String(a).toUpperCase()));
  return values.filter((v) => !ok.has(String(v).toUpperCase()));
}

function phaseWeakness(t: TunnelOptions, phase: 1 | 2, ctx: EvaluationContext): PhaseWeakness | undefined {
  const lists = optionLists(t, phase);
  const defaults = phase === 1 ? AWS_TUNNEL_DEFAULTS.phase1 : AWS_TUNNEL_DEFAULTS.phase2;
  const { vpnEncryptionAlgorithms, vpnIntegrityAlgorithms, vpnDhGroups } = ctx.settings;
  const checks = {
    encryption: { set: configured(lists.encryption), fallback: defaults.encryption, allowed: vpnEncryptionAlgorithms },
    integrity: { set: configured(lists.integrity), fallback: defaults.integrity, allowed: vpnIntegrityAlgorithms },
    dhGroups: { set: configured(lists.dhGroups), fallback: defaults.dhGroups, allowed: vpnDhGroups },
  };
  const weak: Partial<Record<ListName, (string | number)[]>> = {};
  const defaulted: ListName[] = [];
  for (const name of Object.keys(checks) as ListName[]) {
    const { set, fallback, allowed } = checks[name];
    const bad = outside<string | number>(set ?? fallback, allowed);
    if (bad.length === 0) continue;
    weak[name] = bad;
    if (set === undefined) defaulted.push(name);
  }
  const reported = Object.keys(weak) as ListName[];
  if (reported.length === 0) return undefined;
  const partial = defaulted.length > 0 && defaulted.length < reported.length;
  return { ...(weak as Omit<PhaseWeakness, 'fromDefaults'>), fromDefaults: defaulted.length > 0, ...(partial ? { defaultedLists: defaulted } : {}) };
}

function describePhase(phase: 1 | 2, w: PhaseWeakness): string {
  const values = [...(w.encryption ?? []), ...(w.integrity ?? []), ...(w.dhGroups ?? []).map((g) => `DH group ${g}`)];
  const note = w.defaultedLists ? ` (${w.defaultedLists.join(', ')} from AWS defaults: empty list)` : w.fromDefaults ? ' (AWS defaults of an empty list)' : '';
  return `phase ${phase} ${values.join(', ')}${note}`;
}

export default defineRule(
  {
    id: 'vpn-strong-crypto',
    title: 'Site-to-Site VPN tunnels permit only strong encryption, integrity and Diffie-Hellman groups',
    description:
      'FAILS when a tunnel of an available or pending VPN connection permits, in phase 1 or phase 2, an encryption algorithm outside vpnEncryptionAlgorithms (default AES256, AES256-GCM-16), an integrity algorithm outside vpnIntegrityAlgorithms (default SHA2-256, SHA2-384, SHA2-512) or a DH group outside vpnDhGroups (default 14-21). An empty list means the AWS defaults, which include AES128, SHA1 and DH group 2, and fails. Evidence: the weak values per tunnel and phase, marking those that came from AWS defaults.',
    severity: 'MEDIUM',
    resourceKind: 'VpnConnection',
    compliance: {},
    remediation: {
      text: 'Set explicit phase 1 and phase 2 encryption, integrity and DH group lists on both tunnels (modify-vpn-tunnel-options), keeping only the strong values your customer gateway device supports.',
      url: `${S2S_VPN_DOC}/VPNTunnels.html`,
      defaultMode: 'notify',
    },
    triggers: VPN_CONNECTION_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (vpn, ctx) =>
    judgeTunnels(vpn, (options) => {
      const { vpnEncryptionAlgorithms: encryption, vpnIntegrityAlgorithms: integrity, vpnDhGroups: dhGroups } = ctx.settings;
      const allowed = { encryption, integrity, dhGroups };
      const weak = options.flatMap((t, i) => {
        const [phase1, phase2] = PHASES.map((p) => phaseWeakness(t, p, ctx));
        if (!phase1 && !phase2) return [];
        return [{ tunnel: tunnelName(t, i), ...(phase1 ? { phase1 } : {}), ...(phase2 ? { phase2 } : {}) }];
      });
      if (weak.length === 0) {
        return pass(`all ${options.length} tunnels permit only allowed algorithms and DH groups.`, { tunnels: options.map(tunnelName), allowed });
      }
      const list = weak.map((w) => {
        const phases = [w.phase1 && describePhase(1, w.phase1), w.phase2 && describePhase(2, w.phase2)].filter(Boolean);
        return `${w.tunnel}: ${phases.join('; ')}`;
      });
      return fail(`${weak.length} of ${options.length} tunnels permit weak values. ${list.join('. ')}.`, { tunnels: weak, allowed });
    }),
);
