// A loopback proxy in front of moto that records every AWS request, for the integration tests
// (test/integration/runtime-bundles.test.ts) and the live benchmark (bench/live.mjs). Code under
// test (a bundle, a CLI process: clients nobody can wrap in middleware) is pointed at it through
// AWS_ENDPOINT_URL, so the calls it makes are counted where they are paid: on the wire.
import { createServer, request } from 'node:http';

/**
 * Starts the proxy. `delayMs` holds every request that long before forwarding it: moto answers
 * on loopback with no network time, so only an added delay shows what hiding AWS's round trips
 * (concurrency) buys. `maxInFlight` is the most requests the proxy held at once (arrival to
 * answer sent): how concurrent the client really was.
 */
export async function countingProxy(target, { delayMs = 0 } = {}) {
  const calls = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push(describeCall(req.headers, req.method ?? '', req.url ?? '', body.toString('utf8')));
      const forward = () => {
        const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        out.on('error', (err) => res.writeHead(502).end(err.message));
        out.end(body);
      };
      if (delayMs > 0) setTimeout(forward, delayMs);
      else forward();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The service from the SigV4 credential scope; the action from the JSON target header, the query body, or the REST path. */
function describeCall(headers, method, url, body) {
  const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(String(headers.authorization ?? ''))?.[1] ?? 'unknown';
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return `${service}:${target.split('.').at(-1)}`;
  const action = new URLSearchParams(body).get('Action');
  if (action) return `${service}:${action}`;
  return `${service}:${method} ${url.split('?')[0]}`;
}
