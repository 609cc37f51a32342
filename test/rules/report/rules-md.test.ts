import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../rules/catalog';
import { DEFAULT_SETTINGS } from '../../../rules/engine/settings';
import { rulesMarkdown } from '../../../rules/report/rules-md';

describe('RULES.md (rulesMarkdown)', () => {
  it('lists every setting with its default, the high-risk ports in full', () => {
    // Act
    const md = rulesMarkdown(CATALOG);
    // Assert
    const section = md.slice(md.indexOf('## Settings and their defaults'));
    for (const key of Object.keys(DEFAULT_SETTINGS)) expect(section).toContain(`| \`${key}\` |`);
    expect(section).toContain(`"tcp": [ ${DEFAULT_SETTINGS.highRiskPorts.tcp.join(', ')} ]`);
    expect(section).toContain(`"udp": [ ${DEFAULT_SETTINGS.highRiskPorts.udp.join(', ')} ]`);
    expect(section).toContain('| `maxRulesPerDirection` | `50` | most rules per direction sg-rule-count allows |');
  });
});
