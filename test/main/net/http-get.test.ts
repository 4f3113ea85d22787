import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpGet } from '../../../main/net/http-get.js';

let server: Server | undefined;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('httpGet', () => {
  it('returns the status and body of any answer, with the Host header it was given', async () => {
    const base = await serve((req, res) => {
      res.statusCode = 404;
      res.end(`host=${req.headers.host ?? ''}`);
    });
    await expect(httpGet(`${base}/x`, { timeoutMs: 2000, headers: { host: 'app.localhost' } })).resolves.toEqual({
      status: 404,
      body: 'host=app.localhost',
    });
  });

  it('keeps at most maxBodyBytes of the body', async () => {
    const base = await serve((_req, res) => res.end('x'.repeat(10_000)));
    const answer = await httpGet(base, { timeoutMs: 2000, maxBodyBytes: 100 });
    expect(answer.body).toHaveLength(100);
  });

  it('rejects when the connection is reset before an answer (docker-proxy with no backend)', async () => {
    const base = await serve((req) => req.socket.destroy());
    await expect(httpGet(base, { timeoutMs: 2000 })).rejects.toThrow(/socket hang up/);
  });

  it('rejects when nothing listens', async () => {
    const base = await serve(() => undefined);
    server?.close();
    await expect(httpGet(base, { timeoutMs: 2000 })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects after the idle timeout when the server never answers', async () => {
    const base = await serve(() => undefined);
    await expect(httpGet(base, { timeoutMs: 200 })).rejects.toThrow(/no answer within 200 ms/);
  });
});
