import { readFileSync } from 'node:fs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../../lambdas/adapters/ec2/collect';
import { keysFor } from '../../../../lambdas/adapters/ec2/keys';
import { readActions } from '../../../../lambdas/adapters/ec2/sources';
import { CATALOG } from '../../../../rules/catalog';
import { type FakeAccount, mockAccount } from './fake-account';

const README = readFileSync('README.md', 'utf8');

/** The lines of README's section under `heading`, up to the next heading of any level. */
function section(heading: string): string[] {
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && /^#{1,3} /.test(l));
  return lines.slice(start + 1, end);
}

let fake: FakeAccount | undefined;
afterEach(() => {
  fake?.ec2.restore();
  fake?.sts.restore();
});

describe('README states what the collector does', () => {
  it('the IAM policy lists exactly the actions of the collector’s table', () => {
    const text = section('### IAM permissions').join('\n');
    const json = text.slice(text.indexOf('```json') + 7, text.indexOf('```', text.indexOf('```json') + 7));
    const policy = JSON.parse(json);
    expect(policy.Statement).toEqual([{ Sid: 'VpcAuditorReadOnly', Effect: 'Allow', Action: readActions(), Resource: '*' }]);
  });

  it('the calls listed for one security group are the calls the collector makes', async () => {
    // Arrange: what README lists, as "action filter" pairs.
    const rows = section('### Calls for one security group (a change event)').filter((l) => /^\| `/.test(l));
    const listed = rows.map((row) => {
      const [call, filter] = row.split('|').slice(1, 3);
      const action = call.trim().replace(/`/g, '');
      return `${action.includes(':') ? action : `ec2:${action}`} ${filter.match(/`([^`]+)`/)?.[1] ?? ''}`.trim();
    });
    // Act: a one-group scope over the fake account.
    fake = mockAccount();
    const rules = CATALOG.filter((r) => r.meta.resourceKind === 'SecurityGroup');
    const clients = { ec2: new EC2Client({ region: 'eu-west-1' }), sts: new STSClient({ region: 'eu-west-1' }) };
    await collect(clients, { keys: keysFor(rules, { exposure: true }), scope: { kind: 'resources', securityGroupIds: ['sg-web'] } });
    const made = fake.sent.map((c) => {
      const filters = c.input.Filters as Array<{ Name: string }> | undefined;
      return `ec2:${c.command.replace(/Command$/, '')} ${filters?.[0].Name ?? ''}`.trim();
    });
    // Assert
    expect(new Set(listed)).toEqual(new Set(['sts:GetCallerIdentity', ...made]));
    expect(listed.length).toBe(new Set(listed).size);
  });
});
