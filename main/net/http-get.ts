// A plain HTTP GET from the host to loopback ports that Slipway publishes (registry, ingress).
//
// Not fetch(): when docker-proxy accepts a connection it cannot forward yet (the container's
// port has no listener), it resets it, and Node 20's fetch can then leave its promise pending
// with no live handle. The event loop drains and the CLI exits 0 in the middle of a wait.
// node:http reports the reset as an error, and its socket keeps the process alive meanwhile.
import { request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface HttpGetOptions {
  /** Give up when the connection is idle this long (connect, headers or body). */
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Keep at most this many bytes of the body (the rest is read and dropped). */
  maxBodyBytes?: number;
}

/** GET `url`; resolves with any HTTP status, rejects when there is no HTTP answer at all. */
export function httpGet(url: string, options: HttpGetOptions): Promise<HttpAnswer> {
  const limit = options.maxBodyBytes ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: options.headers, timeout: options.timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on('data', (chunk: Buffer) => {
        if (kept >= limit) return;
        chunks.push(chunk.subarray(0, limit - kept));
        kept += Math.min(chunk.length, limit - kept);
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', reject);
    });
    req.on('timeout', () => {
      req.destroy(new Error(`no answer within ${String(options.timeoutMs)} ms`));
    });
    req.on('error', reject);
    req.end();
  });
}
