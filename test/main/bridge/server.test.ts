// The loopback bridge: refuses to start outside development and tests, listens on
// 127.0.0.1 only, wants the token on every API call, rejects foreign hosts and origins, and
// carries the IPC contract (values and events) unchanged.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../../main/bridge/server.js';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { fakeSpec } from '../../../main/dev/fake-engine/seed.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { createBridgeClient } from '../../../renderer/src/api/bridge-client.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests control Host, Origin and the path exactly. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const running: RunningBridge[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((bridge) => bridge.close()));
});

async function setup(log?: (line: string) => void) {
  const engine = new FakeEngine();
  engine.seed(fakeSpec('demo'));
  const core = createAppCore({ engine, transport: 'bridge', kubectl: createFileKubectlContexts('/nonexistent') });
  const staticDir = await mkdtemp(join(tmpdir(), 'slipway-static-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Slipway</title>');
  const bridge = await startBridge({ dispatch: core.dispatch, hub: core.hub, staticDir, env: { VITEST: 'true' }, log });
  running.push(bridge);
  const invoke = (body: unknown, headers: Record<string, string> = {}) =>
    raw(bridge.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${bridge.token}`,
        Host: `127.0.0.1:${String(bridge.port)}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });
  return { engine, core, bridge, invoke };
}

describe('startBridge', () => {
  it('refuses to start unless SLIPWAY_DEV_BRIDGE=1 or under tests', async () => {
    const core = createAppCore({ engine: new FakeEngine(), transport: 'bridge' });
    await expect(startBridge({ dispatch: core.dispatch, hub: core.hub, env: {} })).rejects.toMatchObject({
      code: 'USAGE',
      hint: 'set SLIPWAY_DEV_BRIDGE=1 to start it',
    });
    const allowed = await startBridge({ dispatch: core.dispatch, hub: core.hub, env: { SLIPWAY_DEV_BRIDGE: '1' } });
    running.push(allowed);
    expect(allowed.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses any host but 127.0.0.1', async () => {
    const core = createAppCore({ engine: new FakeEngine(), transport: 'bridge' });
    await expect(
      startBridge({ dispatch: core.dispatch, hub: core.hub, env: { VITEST: 'true' }, host: '0.0.0.0' }),
    ).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('is not reachable on other interfaces', async () => {
    const { bridge } = await setup();
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) {
      expect(bridge.origin).toContain('127.0.0.1');
      return;
    }
    await expect(raw(bridge.port, { path: '/', host: external.address })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('requires the exact token on every API request', async () => {
    const { bridge, invoke } = await setup();
    expect((await invoke({ channel: 'clusters:list' }, { Authorization: '' })).status).toBe(401);
    expect(
      (await invoke({ channel: 'clusters:list' }, { Authorization: `Bearer ${bridge.token.slice(0, -1)}x` })).status,
    ).toBe(401);
    expect((await invoke({ channel: 'clusters:list' }, { Authorization: `Bearer ${bridge.token}extra` })).status).toBe(
      401,
    );
    const events = await raw(bridge.port, {
      path: '/api/events',
      headers: { Host: `127.0.0.1:${String(bridge.port)}` },
    });
    expect(events.status).toBe(401);
    const ok = await invoke({ channel: 'clusters:list' });
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as { result: { name: string }[] }).result.map((cluster) => cluster.name)).toEqual([
      'demo',
    ]);
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const { invoke, bridge } = await setup();
    expect((await invoke({ channel: 'clusters:list' }, { Host: `evil.example:${String(bridge.port)}` })).status).toBe(
      403,
    );
    expect((await invoke({ channel: 'clusters:list' }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (await invoke({ channel: 'clusters:list' }, { Origin: `http://127.0.0.1:${String(bridge.port)}` })).status,
    ).toBe(200);
  });

  it('answers malformed payloads with the typed error value, and malformed bodies with HTTP errors', async () => {
    const { invoke, bridge } = await setup();
    const invalid = JSON.parse((await invoke({ channel: 'clusters:stop', payload: { name: '../etc' } })).body) as {
      error: { code: string };
    };
    expect(invalid.error.code).toBe('INVALID_PAYLOAD');
    const headers = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${bridge.token}`,
      Host: `127.0.0.1:${String(bridge.port)}`,
    };
    expect((await raw(bridge.port, { method: 'POST', path: '/api/invoke', headers, body: '{not json' })).status).toBe(
      400,
    );
    expect(
      (
        await raw(bridge.port, {
          method: 'POST',
          path: '/api/invoke',
          headers: { ...headers, 'Content-Type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    const big = await raw(bridge.port, {
      method: 'POST',
      path: '/api/invoke',
      headers,
      body: 'x'.repeat(3 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect(big.body).toContain('larger than 2 MiB');
    const chunked = await raw(bridge.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { ...headers, 'Transfer-Encoding': 'chunked' },
      body: 'x'.repeat(3 * 1024 * 1024),
    });
    expect(chunked.status).toBe(413);
  });

  it('serves the renderer with the strict CSP and never outside its folder', async () => {
    const { bridge } = await setup();
    const host = { Host: `127.0.0.1:${String(bridge.port)}` };
    const page = await raw(bridge.port, { path: '/', headers: host });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Slipway</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/missing.js']) {
      expect((await raw(bridge.port, { path, headers: host })).status).toBe(404);
    }
  });

  it('never writes the token to its log', async () => {
    const lines: string[] = [];
    const { invoke, bridge } = await setup((line) => lines.push(line));
    await invoke({ channel: 'clusters:list' });
    await invoke({ channel: 'clusters:list' }, { Authorization: 'Bearer wrong' });
    expect(lines).toEqual(['POST /api/invoke ok', 'POST /api/invoke 401']);
    expect(lines.join('\n')).not.toContain(bridge.token);
  });

  it('carries invokes and events to the renderer-side bridge client', async () => {
    const { bridge, engine } = await setup();
    const client = createBridgeClient({
      baseUrl: bridge.origin.replace(/\/$/, ''),
      token: bridge.token,
      reconnectMs: 50,
    });
    const updates: string[] = [];
    const seen = new Promise<void>((resolve) => {
      client.on('tasks:updated', (task) => {
        updates.push(`${task.title}:${task.state}`);
        if (task.state === 'succeeded') resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await client.invoke('clusters:stop', { name: 'demo' });
    expect(response).toEqual({ result: { taskId: 'task-1' } });
    await seen;
    expect(updates.at(-1)).toBe('Stop demo:succeeded');
    expect((await engine.getCluster('demo')).state).toBe('stopped');
    const refused = await createBridgeClient({ baseUrl: bridge.origin.replace(/\/$/, ''), token: 'nope' }).invoke(
      'clusters:list',
    );
    expect('error' in refused && refused.error.message).toBe('the bridge answered HTTP 401');
    client.close();
  });
});
