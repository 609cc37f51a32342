import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../bin/cli/io';
import { run } from '../../../../bin/cli/program';
import { collect } from '../../../../lambdas/adapters/ec2/collect';
import { ALL_KEYS } from '../../../../lambdas/adapters/ec2/keys';
import { readActions, SOURCES } from '../../../../lambdas/adapters/ec2/sources';
import { NOW } from '../../../helpers';
import { type FakeAccount, mockAccount } from './fake-account';

const READ = /^(Describe|Get|List)[A-Za-z]+Command$/;

/** The files of the evaluation path that talk to AWS: the collector and the CLI's live mode. */
const liveFiles = [
  ...readdirSync('lambdas/adapters/ec2').map((f) => join('lambdas/adapters/ec2', f)),
  ...readdirSync('bin/cli')
    .filter((f) => f.startsWith('live') || f.startsWith('snapshot'))
    .map((f) => join('bin/cli', f)),
];

let fake: FakeAccount | undefined;
afterEach(() => {
  fake?.ec2.restore();
  fake?.sts.restore();
});

const quietIo: CliIo = { stdout: () => {}, stderr: () => {}, readFile: () => '', isTty: false, now: () => NOW };

describe('live collection is read-only by construction', () => {
  it('every source is a Describe/Get call and every permission a read', () => {
    for (const s of SOURCES) expect(s.command.name).toMatch(READ);
    for (const action of readActions()) expect(action).toMatch(/^(ec2|sts):(Describe|Get|List)/);
  });

  it('the live code imports no AWS command that is not a read', () => {
    const bad: string[] = [];
    for (const file of liveFiles) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/import\s*{([^}]*)}\s*from\s*'@aws-sdk\/[^']+'/g)) {
        for (const name of m[1].split(',').map((s) => s.trim().replace(/^type\s+/, ''))) {
          if (name.endsWith('Command') && !READ.test(name)) bad.push(`${file}: ${name}`);
        }
      }
    }
    expect(liveFiles.length).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });

  it('no evaluation path sends anything but reads (region and resource scopes, audit and snapshot)', async () => {
    fake = mockAccount();
    const clients = { ec2: new EC2Client({ region: 'eu-west-1' }), sts: new STSClient({ region: 'eu-west-1' }) };
    await collect(clients, { keys: ALL_KEYS });
    await collect(clients, { keys: ALL_KEYS, scope: { kind: 'resources', securityGroupIds: ['sg-web'], networkAclIds: ['acl-1'], vpnConnectionIds: ['vpn-1'], clientVpnEndpointIds: ['cvpn-endpoint-1'] } });
    await run(['audit', '--live', '--region', 'eu-west-1', '--format', 'asff'], quietIo);
    await run(['snapshot', '--live', '--region', 'eu-west-1'], quietIo);
    const names = [...fake.ec2.calls(), ...fake.sts.calls()].map((c) => (c.args[0] as object).constructor.name);
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => !READ.test(n))).toEqual([]);
  });
});
