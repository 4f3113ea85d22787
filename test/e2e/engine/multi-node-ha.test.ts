// Multi-node and HA clusters on the real daemon: a Deployment spread over the workers, pods
// reaching each other and a Service by DNS name across nodes, NetworkPolicy enforced, image
// load; an HA control plane that survives losing a member; then both clusters stopped, the
// Docker daemon restarted, both started again with the same addresses and working again;
// finally deleted without a trace.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterSpecSchema } from '../../../main/spec/index.js';
import type { Engine } from '../../../main/engine/types.js';
import {
  HAPROXY_IMAGE,
  NODE_IMAGE,
  cannotRestartDockerd,
  clusterAddresses,
  clusterVolumes,
  createOrCollect,
  docker,
  engine,
  foreignContainers,
  kubectl,
  leftovers,
  missingPrerequisite,
  reportMissing,
  restartDockerd,
  run,
  tempKubeconfig,
  uniqueName,
} from './harness.js';
import { eventually } from '../eventually.js';
import { applyWorkload, checkConnectivity, WEB_IMAGE_SOURCE } from './workload.js';

const skip = reportMissing(await missingPrerequisite([NODE_IMAGE, HAPROXY_IMAGE]), 'engine multi-node and HA e2e');

const multi = uniqueName('e2e-multi');
const ha = uniqueName('e2e-ha');
const env = { KUBECONFIG: tempKubeconfig() };
const webImage = `localhost/slipway-e2e/web:${multi}`;

function specOf(name: string, spec: Record<string, unknown>) {
  return clusterSpecSchema.parse({ apiVersion: 'slipway.dev/v1alpha1', kind: 'Cluster', metadata: { name }, spec });
}

async function hostApi(e: Engine, name: string): Promise<CoreV1Api> {
  const kc = new KubeConfig();
  kc.loadFromString(await e.kubeconfig(name));
  return kc.makeApiClient(CoreV1Api);
}

async function readyNodes(api: CoreV1Api): Promise<string[]> {
  const nodes = await api.listNode();
  return nodes.items
    .filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .map((n) => n.metadata?.name ?? '');
}

describe.skipIf(skip)('multi-node and HA clusters', () => {
  let e: Engine;
  const volumes: Record<string, string[]> = {};

  beforeAll(async () => {
    e = await engine();
    await docker.getImage(WEB_IMAGE_SOURCE).tag({ repo: webImage.split(':')[0] ?? '', tag: multi });
  });

  afterAll(async () => {
    for (const name of [multi, ha]) await e.deleteCluster(name).catch(() => undefined);
    await docker
      .getImage(webImage)
      .remove()
      .catch(() => undefined);
  });

  describe('1 control plane + 2 workers', () => {
    it('is created with labelled workers', async () => {
      const summary = await createOrCollect(
        e,
        specOf(multi, { workers: [{ name: 'workers', replicas: 2, labels: { 'example.com/tier': 'apps' } }] }),
      );
      expect(summary.nodes.map((n) => [n.name, n.role, n.state])).toEqual([
        [`${multi}-control-plane`, 'control-plane', 'running'],
        [`${multi}-workers-1`, 'worker', 'running'],
        [`${multi}-workers-2`, 'worker', 'running'],
      ]);
      const labels = await kubectl(e, multi, [
        'get',
        'nodes',
        '-l',
        'example.com/tier=apps,slipway.dev/pool=workers,node-role.kubernetes.io/worker',
        '-o',
        'name',
      ]);
      expect(labels.trim().split('\n').sort()).toEqual([`node/${multi}-workers-1`, `node/${multi}-workers-2`]);
      volumes[multi] = await clusterVolumes(multi);
    });

    it('loads a host image into every node', async () => {
      const loaded = await run(['image', 'load', multi, webImage], env);
      expect(loaded.exitCode).toBe(0);
      for (const node of ['control-plane', 'workers-1', 'workers-2']) {
        const images = await e.execInNode(multi, {
          node: `${multi}-${node}`,
          command: ['ctr', '--namespace=k8s.io', 'images', 'list', '-q'],
        });
        expect(images.stdout).toContain(webImage);
      }
    });

    it('spreads a Deployment over the workers; pods reach each other and a Service by DNS name', async () => {
      await applyWorkload(e, multi, webImage);
      const pods = await checkConnectivity(e, multi);
      expect(new Set(pods.map((p) => p.node))).toEqual(new Set([`${multi}-workers-1`, `${multi}-workers-2`]));
    });

    it('enforces NetworkPolicy', async () => {
      const deny =
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-web, namespace: default}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n';
      await kubectl(e, multi, ['apply', '-f', '-'], deny);
      await eventually(
        'traffic to web pods is blocked',
        async () => {
          const result = await e.execInNode(multi, {
            command: [
              'kubectl',
              '--kubeconfig=/etc/kubernetes/admin.conf',
              'exec',
              'client',
              '--',
              'timeout',
              '3',
              'wget',
              '-q',
              '-O',
              '-',
              'http://web.default.svc.cluster.local/',
            ],
          });
          return result.exitCode !== 0 ? true : undefined;
        },
        120_000,
      );
      await kubectl(e, multi, ['delete', 'networkpolicy', 'deny-web']);
      await checkConnectivity(e, multi);
    });
  });

  describe('3 control planes behind a load balancer', () => {
    it('is created with every control plane Ready and three etcd members', async () => {
      const summary = await createOrCollect(
        e,
        specOf(ha, { controlPlane: { replicas: 3 }, workers: [{ name: 'workers', replicas: 1 }] }),
      );
      expect(summary.nodes.map((n) => n.role)).toEqual([
        'control-plane',
        'control-plane',
        'control-plane',
        'load-balancer',
        'worker',
      ]);
      expect(summary.apiEndpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect((await readyNodes(await hostApi(e, ha))).sort()).toEqual([
        `${ha}-control-plane`,
        `${ha}-control-plane-2`,
        `${ha}-control-plane-3`,
        `${ha}-workers-1`,
      ]);
      const etcd = await kubectl(e, ha, [
        'get',
        'pods',
        '-n',
        'kube-system',
        '-l',
        'component=etcd',
        '-o',
        'jsonpath={.items[*].status.phase}',
      ]);
      expect(etcd.split(' ')).toEqual(['Running', 'Running', 'Running']);
      volumes[ha] = await clusterVolumes(ha);
    });

    it('keeps answering through the load balancer when one control plane stops, and start brings it back', async () => {
      await docker.getContainer(`${ha}-control-plane-2`).stop({ t: 10 });
      const api = await hostApi(e, ha);
      await eventually(
        'the API answers through the load balancer',
        async () => ((await api.listNode()).items.length === 4 ? true : undefined),
        60_000,
      );
      expect((await e.getCluster(ha)).state).toBe('degraded');
      const started = await run(['start', ha], env);
      expect(started.exitCode).toBe(0);
      expect((await e.getCluster(ha)).state).toBe('running');
    });
  });

  describe('stop, Docker daemon restart, start', () => {
    let before: Record<string, Record<string, string>> = {};

    it('stops both clusters', async () => {
      before = { [multi]: await clusterAddresses(multi), [ha]: await clusterAddresses(ha) };
      for (const name of [multi, ha]) {
        const stopped = await run(['stop', name], env);
        expect(stopped.exitCode).toBe(0);
        expect((await e.getCluster(name)).state).toBe('stopped');
      }
    });

    it('survives a restart of dockerd', async () => {
      const reason = cannotRestartDockerd();
      if (reason) {
        if (process.env.CI === 'true') throw new Error(`cannot restart dockerd under CI: ${reason}`);
        console.warn(`\n*** NOT restarting dockerd: ${reason} ***\n`);
        return;
      }
      const foreign = await eventually(
        'no other containers are running',
        async () => ((await foreignContainers([multi, ha])).length === 0 ? true : undefined),
        600_000,
      ).catch(async () => foreignContainers([multi, ha]));
      if (foreign !== true) {
        if (process.env.CI === 'true')
          throw new Error(`other containers keep running, cannot restart dockerd: ${foreign.join(', ')}`);
        console.warn(`\n*** NOT restarting dockerd: other containers are running (${foreign.join(', ')}) ***\n`);
        return;
      }
      await restartDockerd();
      for (const name of [multi, ha]) expect((await e.getCluster(name)).state).toBe('stopped');
    });

    it('starts both again with unchanged addresses, Ready and working', async () => {
      for (const name of [multi, ha]) {
        const started = await run(['start', name], env);
        expect(started.stderr).not.toMatch(/error:/);
        expect(started.exitCode).toBe(0);
        expect(await clusterAddresses(name)).toEqual(before[name]);
      }
      await checkConnectivity(e, multi);
      expect((await readyNodes(await hostApi(e, ha))).length).toBe(4);
    });
  });

  it('deletes both and leaves nothing behind', async () => {
    for (const name of [multi, ha]) {
      const deleted = await run(['delete', name], env);
      expect(deleted.exitCode).toBe(0);
      expect(await leftovers(name, volumes[name] ?? [])).toEqual([]);
    }
  });
});
