import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath, handlerNames } from '../../scripts/lambda-bundles.mjs';
import { configEvent } from './handlers/harness';

// The built artifacts (test/global-setup.ts runs scripts/build.mjs): what the stack deploys.
const run = promisify(execFile);
const HANDLERS = handlerNames();
const MB = 1_000_000;
/** The env vars the handlers' depsFromEnv read (README "Runtime"). */
const HANDLER_ENV = ['VPC_AUDITOR_SETTINGS', 'FINDING_STATE_TABLE', 'REMEDIATION_QUEUE_URL', 'REMEDIATION_ROLE_ARN', 'CONFIG_TEST_MODE'];

/** Runs `script` in a fresh `node` with exactly `env`; the bundle path is its first argument. */
async function inFreshNode(script: string, name: string, env: Record<string, string> = {}) {
  const { stdout } = await run(process.execPath, ['-e', script, bundlePath(name)], { env, encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string);
}

describe('handler bundles (dist/lambdas/<name>.cjs)', () => {
  it('there is one per module of lambdas/handlers that exports a handler, each under the 1.2 MB target', () => {
    expect(HANDLERS).toEqual(['change', 'config-rule', 'sweep']);
    for (const name of HANDLERS) expect(statSync(bundlePath(name)).size, name).toBeLessThanOrEqual(1.2 * MB);
  });

  it('each loads with no usable environment, exports a function handler, and reads none of its own env vars while loading', async () => {
    // Every read of process.env during the require is recorded. The SDK and Powertools peek at a
    // few AWS_* variables of their own; the handler's settings, table and queue must wait for the
    // first invocation (settings that cannot parse prove nothing parsed them).
    const script = `
      const reads = [];
      process.env = new Proxy(process.env, { get: (t, k) => { if (typeof k === 'string') reads.push(k); return t[k]; } });
      const m = require(require('node:path').resolve(process.argv[1]));
      console.log(JSON.stringify({ handler: typeof m.handler, reads }));`;
    for (const name of HANDLERS) {
      const loaded = await inFreshNode(script, name, { VPC_AUDITOR_SETTINGS: '{not json' });
      expect(loaded.handler, name).toBe('function');
      expect(loaded.reads.filter((v: string) => HANDLER_ENV.includes(v)), name).toEqual([]);
    }
  });

  describe('invoked through the bundle, against a loopback AWS Config', () => {
    let server: Server;
    const requests: { target?: string; body: Record<string, unknown> }[] = [];
    beforeAll(async () => {
      server = createServer(async (req: IncomingMessage, res) => {
        let text = '';
        for await (const chunk of req) text += chunk;
        requests.push({ target: req.headers['x-amz-target'] as string | undefined, body: JSON.parse(text) });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{"FailedEvaluations":[]}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('config-rule: a deleted group is NOT_APPLICABLE, sent with the result token, nothing else called', async () => {
      // Arrange
      const event = configEvent('config-change-security-group.custodian.json', 'vpc-auditor-sg-no-public-admin-ports', {
        resourceType: 'AWS::EC2::SecurityGroup',
        resourceId: 'sg-0123456789abcdef0',
        awsRegion: 'eu-west-1',
        configurationItemStatus: 'ResourceDeleted',
      });
      const script = `
        const { handler } = require(require('node:path').resolve(process.argv[1]));
        handler(${JSON.stringify(event)}, { functionName: 'f', awsRequestId: 'r', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f' })
          .then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
      const env = {
        AWS_ENDPOINT_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        VPC_AUDITOR_SETTINGS: '{}',
      };

      // Act
      const result = await inFreshNode(script, 'config-rule', env);

      // Assert
      expect(result).toEqual({ evaluations: 1, sent: 1 });
      expect(requests.map((r) => r.target)).toEqual(['StarlingDoveService.PutEvaluations']);
      const body = requests[0]?.body as { ResultToken: string; Evaluations: Record<string, unknown>[] };
      expect(body.ResultToken).toBe(event.resultToken);
      expect(body.Evaluations).toMatchObject([{ ComplianceResourceId: 'sg-0123456789abcdef0', ComplianceResourceType: 'AWS::EC2::SecurityGroup', ComplianceType: 'NOT_APPLICABLE' }]);
    });
  });
});

