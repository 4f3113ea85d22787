import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run.js';
import type { Engine } from '../../../main/engine/types.js';

// An engine that fails on any use: bad input must be rejected before a cluster is contacted.
const untouchable = (): Promise<Engine> =>
  Promise.resolve(
    new Proxy({} as Engine, {
      get: (_target, property) =>
        property === 'then' ? undefined : () => Promise.reject(new Error(`the engine was used (${String(property)})`)),
    }),
  );

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    createEngine: untouchable,
  });
  return { code, stdout, stderr };
}

describe('slipway addons (bad input, exit 2, nothing applied)', () => {
  it('rejects a value outside the parameter schema, naming the add-on and the parameter', async () => {
    const { code, stderr } = await run(['addons', 'enable', 'demo', 'dashboard', '--set', 'role=root']);
    expect(code).toBe(2);
    expect(stderr).toContain('add-on dashboard: invalid (1 problem)');
    expect(stderr).toContain('params.role: must be one of "view", "edit", "admin", "cluster-admin"');
  });

  it('refuses --set role=cluster-admin on the dashboard without --yes, before any engine use', async () => {
    const { code, stderr } = await run(['addons', 'enable', 'demo', 'dashboard', '--set', 'role=cluster-admin']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'error: dashboard: role="cluster-admin" (default "view") grants more privilege than the default',
    );
    expect(stderr).toContain('hint: pass --yes to confirm it');
  });

  it('goes on to the engine with --yes, and for the default role without it', async () => {
    for (const argv of [
      ['addons', 'enable', 'demo', 'dashboard', '--set', 'role=cluster-admin', '--yes'],
      ['addons', 'enable', 'demo', 'dashboard', '--set', 'role=view'],
    ]) {
      const { stderr } = await run(argv);
      expect(stderr).toMatch(/the engine was used/);
    }
  });

  it('rejects an unknown parameter', async () => {
    const { code, stderr } = await run(['addons', 'enable', 'demo', 'registry', '--set', 'hostport=5002']);
    expect(code).toBe(2);
    expect(stderr).toContain('params.hostport: unknown parameter');
  });

  it('rejects an unknown add-on, listing the known ones', async () => {
    const { code, stderr } = await run(['addons', 'enable', 'demo', 'nginx']);
    expect(code).toBe(2);
    expect(stderr).toContain('no add-on bundle named "nginx"');
    expect(stderr).toContain('known add-ons: csi-hostpath, dashboard, ingress, metrics-server, registry');
  });

  it('rejects a missing image override file', async () => {
    const { code, stderr } = await run([
      'addons',
      'enable',
      'demo',
      'registry',
      '--images',
      '/nonexistent/overrides.yaml',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--images /nonexistent/overrides.yaml: no such file');
  });

  it('lists the bundles without a cluster', async () => {
    const { code, stdout } = await run(['addons', 'list', '--output', 'json']);
    expect(code).toBe(0);
    const names = (JSON.parse(stdout) as { name: string }[]).map((s) => s.name);
    expect(names).toEqual(['csi-hostpath', 'dashboard', 'ingress', 'metrics-server', 'registry']);
  });
});
