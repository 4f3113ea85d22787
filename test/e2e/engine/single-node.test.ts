// A 1-node cluster through the real CLI: create (named steps with timings), list/get, the
// merged kubeconfig context used from the host, `kubectl` with stdin, a refused duplicate
// name, `logs`, and a delete that leaves nothing behind.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RELEASE, hermeticImageOf } from '../../../main/spec/releases.js';
import {
  clusterVolumes,
  leftovers,
  missingPrerequisite,
  reportMissing,
  run,
  tempKubeconfig,
  uniqueName,
} from './harness.js';

const skip = reportMissing(await missingPrerequisite(), 'engine single-node e2e');

const STEPS = [
  'preflight',
  'network',
  'provision-nodes',
  'kubeadm-init',
  'install-cni',
  'install-storage',
  'join-nodes',
  'wait-ready',
  'export-kubeconfig',
];

describe.skipIf(skip)('a 1-node cluster through the CLI', () => {
  const name = uniqueName('e2e-one');
  const kubeconfig = tempKubeconfig();
  const env = { KUBECONFIG: kubeconfig };
  const dir = mkdtempSync(join(tmpdir(), 'slipway-e2e-one-'));
  const specFile = join(dir, 'spec.yaml');
  writeFileSync(
    specFile,
    `apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: ${name}}\nspec: {workers: []}\n`,
  );
  let volumes: string[] = [];

  afterAll(async () => {
    await run(['delete', name], env);
  });

  it('creates it, printing every named step with its time', async () => {
    const created = await run(['create', '-f', specFile, '--wait', '5m'], env);
    expect(created.stderr).not.toMatch(/error:/);
    expect(created.exitCode).toBe(0);
    for (const step of STEPS) expect(created.stderr).toMatch(new RegExp(`✓ ${step}\\s+\\d+\\.\\d s`));
    expect(created.stderr).toContain(`node image ${hermeticImageOf(DEFAULT_RELEASE)}: `);
    expect(created.stderr).toMatch(/hermetic/);
    expect(created.stdout).toMatch(new RegExp(`cluster "${name}" is ready in .*context slipway-${name}`));
    volumes = await clusterVolumes(name);
    expect(volumes).toHaveLength(1);
  });

  it('lists and gets it with state, nodes, version and endpoint', async () => {
    const listed = JSON.parse((await run(['list', '--output', 'json'], env)).stdout) as { name: string }[];
    const mine = listed.find((c) => c.name === name);
    expect(mine).toMatchObject({
      state: 'running',
      kubernetesVersion: DEFAULT_RELEASE.patch,
      nodes: [{ name: `${name}-control-plane`, role: 'control-plane', state: 'running' }],
    });
    const got = await run(['get', name], env);
    expect(got.stdout).toMatch(/api:\s+https:\/\/127\.0\.0\.1:\d+/);
  });

  it('merged a working context into $KUBECONFIG, private to the user', async () => {
    expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
    const config = parse(readFileSync(kubeconfig, 'utf8')) as { 'current-context': string };
    expect(config['current-context']).toBe(`slipway-${name}`);
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    const nodes = await kc.makeApiClient(CoreV1Api).listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual([`${name}-control-plane`]);
    const printed = await run(['kubeconfig', name], env);
    expect(printed.stdout).toContain(`current-context: slipway-${name}`);
  });

  it('runs the cluster’s own kubectl, with standard input passed through', async () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: e2e-stdin}\ndata: {answer: "42"}\n';
    const applied = await run(['kubectl', name, '--', 'apply', '-f', '-'], env, manifest);
    expect(applied.stdout).toContain('configmap/e2e-stdin');
    const read = await run(
      ['kubectl', name, '--', 'get', 'configmap', 'e2e-stdin', '-o', 'jsonpath={.data.answer}'],
      env,
    );
    expect(read).toMatchObject({ exitCode: 0, stdout: '42' });
    expect((await run(['kubectl', name, '--', 'get', 'configmap', 'no-such'], env)).exitCode).toBe(1);
  });

  it('refuses a second cluster with the same name before making anything (exit 2)', async () => {
    const again = await run(['create', '-f', specFile], env);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain(`cluster "${name}" already exists`);
    expect(await clusterVolumes(name)).toEqual(volumes);
  });

  it('collects logs for a bug report', async () => {
    const out = join(dir, 'logs');
    const logs = await run(['logs', name, '-o', out], env);
    expect(logs.exitCode).toBe(0);
    const node = join(out, `${name}-control-plane`);
    for (const file of ['kubelet.log', 'containerd.log', 'journal.log', 'inspect.json', 'console.log'])
      expect(existsSync(join(node, file))).toBe(true);
    expect(readFileSync(join(node, 'kubelet.log'), 'utf8')).toMatch(/kubelet/);
    expect(existsSync(join(node, 'pods'))).toBe(true);
    expect(readFileSync(join(out, 'cluster', 'pods.txt'), 'utf8')).toContain('coredns');
    expect(readFileSync(join(node, 'journal.log'), 'utf8')).not.toMatch(/[a-z0-9]{6}\.[a-z0-9]{16}/); // no bootstrap token
  });

  it('deletes it and leaves nothing behind; deleting again is exit 2', async () => {
    const deleted = await run(['delete', name], env);
    expect(deleted.exitCode).toBe(0);
    expect(await leftovers(name, volumes)).toEqual([]);
    expect(readFileSync(kubeconfig, 'utf8')).not.toContain(`slipway-${name}`);
    const again = await run(['delete', name], env);
    expect(again.exitCode).toBe(2);
    expect(again.stderr.split('\n')[0]).toBe(`error: cluster "${name}" not found`);
  });
});
