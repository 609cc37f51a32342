import { entriesUnknown } from './default-nacl';
import { naclView } from '../../engine/nacl';
import { shadowedEntries } from '../../engine/nacl-shadow';
import { defineRule, fail, pass } from '../../engine/rule';
import { NACL_DOC, NETWORK_ACL_TRIGGERS } from '../triggers';

export default defineRule(
  {
    id: 'nacl-no-shadowed-entries',
    title: 'Network ACL entries can all take effect',
    description:
      'FAILS when an entry (other than the catch-alls) can never be the first match: every address, protocol and port it covers is decided by earlier entries. A shadowed entry usually means the author expected a different order.',
    severity: 'LOW',
    resourceKind: 'NetworkAcl',
    compliance: {},
    remediation: {
      text: 'Delete the shadowed entry, or renumber it ahead of the entries that shadow it if it was meant to apply.',
      url: NACL_DOC,
      defaultMode: 'notify',
    },
    triggers: NETWORK_ACL_TRIGGERS,
    inputs: [],
    reads: [],
  },
  (nacl, ctx) => {
    const unknown = entriesUnknown(nacl);
    if (unknown) return unknown;
    const view = naclView(nacl, ctx);
    const shadowed = [
      ...shadowedEntries(view.inbound).map((s) => ({ direction: 'inbound', ...s })),
      ...shadowedEntries(view.outbound).map((s) => ({ direction: 'outbound', ...s })),
    ];
    if (shadowed.length === 0) return pass('Every entry can be the first match for some traffic.');
    const text = shadowed.map((s) => `${s.direction} ${s.ruleNumber} (by ${s.shadowedBy.join(', ')})`).join('; ');
    return fail(`Shadowed entries: ${text}.`, { shadowed });
  },
);
