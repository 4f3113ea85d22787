// The bridge serves the renderer compressed (brotli or gzip, as accepted), with an ETag on
// every file, hashed assets immutable for a year and index.html revalidated; a matching
// If-None-Match gets 304; paths never leave the directory.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../../main/bridge/server.js';
import { cacheControlFor, chooseEncoding, matchesEtag } from '../../../main/bridge/static-files.js';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(bridge: RunningBridge, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, headers: { Host: `127.0.0.1:${String(bridge.port)}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const script = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;
let bridge: RunningBridge;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'slipway-static-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><title>Slipway</title>${'<p>x</p>'.repeat(100)}`);
  await writeFile(join(dir, 'assets', 'index-CSp1HfS9.js'), script);
  const core = createAppCore({
    engine: new FakeEngine(),
    transport: 'bridge',
    kubectl: createFileKubectlContexts('/x'),
  });
  bridge = await startBridge({ dispatch: core.dispatch, hub: core.hub, staticDir: dir, env: { VITEST: 'true' } });
});

afterAll(async () => {
  await bridge.close();
});

describe('static files', () => {
  it('sends brotli when accepted, gzip otherwise, and the plain file to anyone else', async () => {
    const br = await get(bridge, '/assets/index-CSp1HfS9.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const gz = await get(bridge, '/assets/index-CSp1HfS9.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get(bridge, '/assets/index-CSp1HfS9.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('caches hashed assets for a year and revalidates index.html with its ETag', async () => {
    const asset = await get(bridge, '/assets/index-CSp1HfS9.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get(bridge, '/', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await get(bridge, '/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const other = await get(bridge, '/', { 'If-None-Match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('answers 404 for missing files and paths outside the directory', async () => {
    expect((await get(bridge, '/assets/missing-AAAAAAAA.js')).status).toBe(404);
    expect((await get(bridge, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});

describe('static file rules', () => {
  it('chooses an encoding from Accept-Encoding, honouring q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*;q=0')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('*')).toBe('br');
  });

  it('marks only content-hashed assets immutable', () => {
    expect(cacheControlFor('/assets/export-CmFw3diE.js')).toContain('immutable');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
    expect(cacheControlFor('/assets/logo.svg')).toBe('no-cache');
  });

  it('matches ETags in lists, weak or not', () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
