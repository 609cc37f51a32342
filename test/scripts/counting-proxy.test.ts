import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingProxy } from '../../scripts/counting-proxy.mjs';

// The proxy is the instrument of the live benchmark (bench/live.mjs): it must hold each request
// for the delay asked, and report how many requests were in flight at once and which calls came.
const UPSTREAM_MS = 30; // the upstream answers slowly enough that concurrent requests overlap

describe('countingProxy', () => {
  let upstream: Server;
  let target: string;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.end('ok'), UPSTREAM_MS));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

  const post = (url: string, action: string) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=testing/20260101/eu-west-1/ec2/aws4_request', 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=${action}&Version=2016-11-15`,
    }).then((r) => r.text());

  it('holds every request for delayMs before forwarding it', async () => {
    const delayMs = 150;
    const proxy = await countingProxy(target, { delayMs });
    try {
      const start = performance.now();
      expect(await post(proxy.url, 'DescribeVpcs')).toBe('ok');
      expect(performance.now() - start).toBeGreaterThanOrEqual(delayMs + UPSTREAM_MS - 5);
    } finally {
      await proxy.close();
    }
  });

  it('reports the most requests in flight at once, and each call', async () => {
    const proxy = await countingProxy(target, { delayMs: 20 });
    try {
      await Promise.all([post(proxy.url, 'DescribeVpcs'), post(proxy.url, 'DescribeSubnets'), post(proxy.url, 'DescribeSecurityGroups')]);
      expect(proxy.maxInFlight).toBe(3);
      await post(proxy.url, 'DescribeNetworkAcls');
      expect(proxy.maxInFlight).toBe(3); // a maximum: a later lone call does not lower it
      expect([...proxy.calls].sort()).toEqual(['ec2:DescribeNetworkAcls', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs']);
    } finally {
      await proxy.close();
    }
  });

  it('counts one request at a time when the client sends them one after another', async () => {
    const proxy = await countingProxy(target);
    try {
      for (const action of ['DescribeVpcs', 'DescribeSubnets']) await post(proxy.url, action);
      expect(proxy.maxInFlight).toBe(1);
      expect(proxy.calls).toEqual(['ec2:DescribeVpcs', 'ec2:DescribeSubnets']);
    } finally {
      await proxy.close();
    }
  });
});
