import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it crossed the wire: `ec2:DescribeVpcs`, `securityhub:POST /findings/import`, `dynamodb:BatchGetItem`. */
export type WireCall = string;

/**
 * A loopback proxy in front of moto that records every AWS request. Code under test (a bundle,
 * whose clients a test cannot wrap in middleware) is pointed at it through AWS_ENDPOINT_URL, so
 * the calls it makes are counted where they are paid: on the wire.
 */
export async function countingProxy(target: string): Promise<{ url: string; calls: WireCall[]; close: () => Promise<void> }> {
  const calls: WireCall[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push(describeCall(req.headers, req.method ?? '', req.url ?? '', body.toString('utf8')));
      const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', (err) => res.writeHead(502).end(err.message));
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The service from the SigV4 credential scope; the action from the JSON target header, the query body, or the REST path. */
function describeCall(headers: Record<string, string | string[] | undefined>, method: string, url: string, body: string): WireCall {
  const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(String(headers.authorization ?? ''))?.[1] ?? 'unknown';
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return `${service}:${target.split('.').at(-1)}`;
  const action = new URLSearchParams(body).get('Action');
  if (action) return `${service}:${action}`;
  return `${service}:${method} ${url.split('?')[0]}`;
}
