import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../../main/engine/doctor/run-doctor.js';
import type { HostProbes } from '../../../main/engine/doctor/types.js';
import type { HostInfo } from '../../../main/engine/provider.js';

const GiB = 2 ** 30;
const info: HostInfo = {
  provider: 'docker',
  version: '20.10.24',
  cgroupVersion: 1,
  rootless: false,
  supportsMemoryLimit: true,
  supportsCpuLimit: true,
  libModules: false,
  dataRoot: '/var/lib/docker',
  cpus: 2,
  memoryBytes: 24 * GiB,
};

/** Probes of a healthy host; each test changes what it is about. */
function probes(overrides: Partial<HostProbes> = {}): HostProbes {
  return {
    engine: () => Promise.resolve({ ok: true, info, endpoint: '/var/run/docker.sock' }),
    nodeImage: () => Promise.resolve('localhost/slipway/node:v1.34.4'),
    securityMode: () => Promise.resolve('fallback'),
    readText: (path) => Promise.resolve(path.endsWith('instances') ? '512\n' : '524288\n'),
    freeBytes: () => Promise.resolve(60 * GiB),
    portFree: () => Promise.resolve(true),
    canBind: () => Promise.resolve(true),
    ...overrides,
  };
}

async function check(id: string, p: HostProbes) {
  return (await runDoctor(p)).find((c) => c.id === id);
}

describe('doctor', () => {
  it('passes every check on a healthy host', async () => {
    const checks = await runDoctor(probes());
    expect(checks.map((c) => c.id)).toEqual([
      'engine-reachable',
      'node-image',
      'privileged',
      'cgroup-version',
      'free-ports',
      'disk-space',
      'inotify',
    ]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('reports an unreachable engine as an error with how to start it, and skips checks that need it', async () => {
    const checks = await runDoctor(
      probes({
        engine: () =>
          Promise.resolve({ ok: false, error: new Error('Docker is not reachable at /var/run/docker.sock (ENOENT)') }),
      }),
    );
    expect(checks[0]).toMatchObject({ id: 'engine-reachable', ok: false, severity: 'error' });
    expect(checks[0]?.fix).toContain('dockerd');
    expect(checks.map((c) => c.id)).toEqual(['engine-reachable', 'free-ports', 'inotify']);
  });

  it('says which privilege mode nodes get', async () => {
    expect((await check('privileged', probes()))?.detail).toMatch(/fallback flag set/);
    expect((await check('privileged', probes({ securityMode: () => Promise.resolve('privileged') })))?.detail).toBe(
      'privileged containers work',
    );
    expect(await check('privileged', probes({ securityMode: () => Promise.resolve(undefined) }))).toMatchObject({
      ok: false,
    });
  });

  it('reports cgroup v1 and v2', async () => {
    expect((await check('cgroup-version', probes()))?.detail).toMatch(/^cgroup v1/);
    const v2 = probes({
      engine: () => Promise.resolve({ ok: true, info: { ...info, cgroupVersion: 2 }, endpoint: 'x' }),
    });
    expect((await check('cgroup-version', v2))?.detail).toBe('cgroup v2');
  });

  it('warns about busy ingress ports and fails when loopback cannot bind', async () => {
    const busy = await check('free-ports', probes({ portFree: (_a, port) => Promise.resolve(port !== 443) }));
    expect(busy).toMatchObject({ ok: false, severity: 'warning' });
    expect(busy?.detail).toContain('port 443 on 127.0.0.1 in use');
    expect(await check('free-ports', probes({ canBind: () => Promise.resolve(false) }))).toMatchObject({ ok: false });
  });

  it('fails with too little disk and names the directory', async () => {
    const low = await check('disk-space', probes({ freeBytes: () => Promise.resolve(GiB) }));
    expect(low).toMatchObject({ ok: false, severity: 'error' });
    expect(low?.detail).toContain('1.0 GiB free in /var/lib/docker');
  });

  it('warns about low inotify limits with the sysctl to run', async () => {
    const low = await check(
      'inotify',
      probes({ readText: (p) => Promise.resolve(p.endsWith('instances') ? '128' : '192536') }),
    );
    expect(low).toMatchObject({ ok: false, detail: expect.stringContaining('max_user_instances=128') as unknown });
    expect(low?.fix).toContain('fs.inotify.max_user_instances=512');
  });

  it('reports a checker that throws as failed instead of failing the run', async () => {
    const checks = await runDoctor(probes({ freeBytes: () => Promise.reject(new Error('statfs exploded')) }));
    expect(checks.find((c) => c.id === 'disk-space')).toMatchObject({
      ok: false,
      detail: 'check failed: statfs exploded',
    });
  });
});
