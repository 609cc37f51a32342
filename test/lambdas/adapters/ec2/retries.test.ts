import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeCollectClients } from '../../../../lambdas/adapters/ec2/clients';
import { collect } from '../../../../lambdas/adapters/ec2/collect';

/**
 * The retry behaviour lives in the SDK's middleware, which aws-sdk-client-mock bypasses: these
 * tests send real requests through the clients the CLI builds, to an in-memory HTTP handler.
 */
const xml = (status: number, body: string) => ({ response: { statusCode: status, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(body)]) } });
const throttled = () =>
  xml(503, '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r-1</RequestID></Response>');
const gateways = () =>
  xml(
    200,
    '<DescribeVpnGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-2</requestId><vpnGatewaySet><item><vpnGatewayId>vgw-1</vpnGatewayId><state>available</state><attachments/></item></vpnGatewaySet></DescribeVpnGatewaysResponse>',
  );
const identity = () =>
  xml(
    200,
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Account>111122223333</Account><Arn>arn:aws:iam::111122223333:user/a</Arn><UserId>A</UserId></GetCallerIdentityResult></GetCallerIdentityResponse>',
  );
const htmlPage = () => ({ response: { statusCode: 500, headers: { 'content-type': 'text/html' }, body: Readable.from([Buffer.from('<!doctype html><html><head><title>500 Internal Server Error</title></head><body>x</body></html>')]) } });

/** Clients with credentials and a region, whose EC2 requests `ec2` answers in turn. */
function clientsAnswering(ec2: Array<() => unknown>) {
  const clients = makeCollectClients({ region: 'eu-west-1' });
  const credentials = async () => ({ accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
  let requests = 0;
  Object.assign(clients.ec2.config, { credentials, requestHandler: { handle: async () => ec2[Math.min(requests++, ec2.length - 1)]() } });
  Object.assign(clients.sts.config, { credentials, requestHandler: { handle: async () => identity() } });
  return { clients, requests: () => requests };
}

describe('the collector’s clients', () => {
  it('retry throttling (adaptive mode) and then succeed', async () => {
    const { clients, requests } = clientsAnswering([throttled, throttled, gateways]);
    const { snapshot, warnings } = await collect(clients, { keys: ['VpnGateways'] });
    expect(requests()).toBe(3);
    expect(warnings).toEqual([]);
    expect(snapshot.VpnGateways).toEqual([{ VpnGatewayId: 'vgw-1', State: 'available', VpcAttachments: [] }]);
    expect(await clients.ec2.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
  });

  it('treat an HTML 500 (an action the endpoint lacks) as not implemented: the key absent, one warning', async () => {
    const { clients } = clientsAnswering([htmlPage]);
    const { snapshot, warnings } = await collect(clients, { keys: ['VpnGateways'] });
    expect(snapshot.VpnGateways).toBeUndefined();
    expect(warnings).toMatchObject([{ call: 'ec2:DescribeVpnGateways', kind: 'not-implemented', keys: ['VpnGateways'] }]);
  });
});
