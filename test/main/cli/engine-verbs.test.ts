// The engine verbs end to end in-process: CLI → ClusterEngine → pipeline, over the fake
// provider (real clusters are the e2e suite's job).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterEngine } from '../../../main/engine/cluster-engine.js';
import { FakeProvider } from '../engine/fake-provider.js';
import { runCliCaptured } from './run-cli.js';

function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-verbs-'));
  const provider = new FakeProvider();
  let created = 0;
  const engine = new ClusterEngine({ provider, endpoint: 'fake', kubeconfigPath: () => join(dir, 'kubeconfig') });
  const createEngine = () => {
    created++;
    return Promise.resolve(engine);
  };
  const spec = join(dir, 'solo.yaml');
  writeFileSync(spec, 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: solo}\nspec: {workers: []}\n');
  const run = (...argv: string[]) => runCliCaptured(argv, { createEngine });
  return { provider, run, spec, dir, engineCreations: () => created };
}

describe('engine verbs', () => {
  it('create prints each step with its time and the endpoint; list and get show the cluster', async () => {
    const { run, spec } = harness();
    const created = await run('create', '-f', spec, '--wait', '0');
    expect(created.exitCode).toBe(0);
    expect(created.stderr).toMatch(/✓ preflight\s+\d+\.\d s {2}Checking the host/);
    expect(created.stderr).toMatch(/✓ export-kubeconfig/);
    expect(created.stdout).toMatch(
      /^cluster "solo" is ready in \d+\.\d s: API https:\/\/127\.0\.0\.1:\d+, kubectl context slipway-solo\n$/,
    );

    const listed = await run('list', '--output', 'json');
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ name: 'solo', state: 'running', kubernetesVersion: 'v1.37.2' }),
    ]);
    const text = await run('list');
    expect(text.stdout).toMatch(
      /^NAME\s+STATE\s+NODES\s+VERSION\s+API ENDPOINT\nsolo\s+running\s+1\+0\s+v1\.37\.2\s+https:/,
    );
    const got = await run('get', 'solo');
    expect(got.stdout).toContain('solo-control-plane  control-plane  -     running  172.');
  });

  it('--name overrides metadata.name and a bad one is refused before the engine exists (exit 2)', async () => {
    const { run, spec, provider, engineCreations } = harness();
    const bad = await run('create', '-f', spec, '--name', 'Not_A_Name');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--name');
    expect(engineCreations()).toBe(0);
    expect((await run('create', '-f', spec, '--name', 'other', '--wait', '0')).exitCode).toBe(0);
    expect(provider.nodes.has('other-control-plane')).toBe(true);
  });

  it('refuses an invalid spec file and a bad --wait without touching the engine', async () => {
    const { run, dir, spec, engineCreations } = harness();
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: x}\nspec: {controlPlane: {replicas: 2}}\n',
    );
    const invalid = await run('create', '-f', file);
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toContain('spec.controlPlane.replicas');
    expect((await run('create', '-f', spec, '--wait', 'soon')).exitCode).toBe(2);
    expect(engineCreations()).toBe(0);
  });

  it('delete removes the cluster; deleting a missing one is exit 2 with one clear line', async () => {
    const { run, spec, provider } = harness();
    await run('create', '-f', spec, '--wait', '0');
    const deleted = await run('delete', 'solo');
    expect(deleted).toMatchObject({ exitCode: 0, stdout: 'cluster "solo" deleted\n' });
    expect(provider.nodes.size + provider.networks.size).toBe(0);
    const again = await run('delete', 'solo');
    expect(again.exitCode).toBe(2);
    expect(again.stderr.split('\n')[0]).toBe('error: cluster "solo" not found');
  });

  it('stop and start keep the cluster', async () => {
    const { run, spec, provider } = harness();
    await run('create', '-f', spec, '--wait', '0');
    expect((await run('stop', 'solo')).exitCode).toBe(0);
    expect(provider.nodes.get('solo-control-plane')?.state).toBe('stopped');
    expect(JSON.parse((await run('get', 'solo', '--output', 'json')).stdout)).toMatchObject({ state: 'stopped' });
    const started = await run('start', 'solo', '--wait', '0');
    expect(started).toMatchObject({ exitCode: 0 });
    expect(started.stdout).toContain('cluster "solo" is running');
  });

  it('kubectl runs the cluster’s kubectl in the control plane and passes its exit status on', async () => {
    const { run, spec, provider } = harness();
    await run('create', '-f', spec, '--wait', '0');
    const ok = await run('kubectl', 'solo', '--', 'get', 'pods', '-A');
    expect(ok.exitCode).toBe(0);
    expect(provider.execs.at(-1)).toMatchObject({
      node: 'solo-control-plane',
      command: ['kubectl', '--kubeconfig=/etc/kubernetes/admin.conf', 'get', 'pods', '-A'],
    });
    provider.onExec = (call) =>
      call.command[0] === 'kubectl'
        ? { exitCode: 1, stdout: Buffer.alloc(0), stderr: Buffer.from('Error from server (NotFound)\n') }
        : undefined;
    expect((await run('kubectl', 'solo', '--', 'get', 'pod', 'nope')).exitCode).toBe(1);
  });

  it('takes --verbose after `--` as a kubectl argument, not as its own flag', async () => {
    const { run } = harness();
    const passedOn = await run('kubectl', 'absent', '--', 'get', 'pods', '--verbose');
    expect(passedOn.exitCode).toBe(2);
    expect(passedOn.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const own = await run('--verbose', 'kubectl', 'absent', '--', 'get', 'pods');
    expect(own.stderr).toMatch(/\n\s+at /);
  });

  it('kubeconfig prints a standalone kubeconfig for the host endpoint', async () => {
    const { run, spec } = harness();
    await run('create', '-f', spec, '--wait', '0');
    const printed = await run('kubeconfig', 'solo');
    expect(printed.stdout).toContain('current-context: slipway-solo');
    expect(printed.stdout).toMatch(/server: https:\/\/127\.0\.0\.1:\d+/);
  });
});
