// The release matrix: a 1+1 cluster on every catalog release whose node image is on this host
// (CI requires the oldest and the newest), checked for what every release must do: nodes
// Ready at the requested version, DNS, a Service reached across nodes, and NetworkPolicy
// enforced (deny-all blocks pod-to-pod traffic, an allow rule lets it through again).
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/types.js';
import {
  DEFAULT_RELEASE,
  OLDEST_RELEASE,
  RELEASES,
  hermeticImageOf,
  type Release,
} from '../../../main/spec/releases.js';
import { specOf } from '../../main/engine/spec-fixtures.js';
import { eventually } from '../eventually.js';
import {
  createOrCollect,
  engine,
  imageExists,
  kubectl,
  missingPrerequisite,
  reportMissing,
  uniqueName,
} from './harness.js';
import { WEB_IMAGE_SOURCE } from './workload.js';

const required = [DEFAULT_RELEASE, OLDEST_RELEASE];
const available: Release[] = [];
for (const release of RELEASES) if (await imageExists(hermeticImageOf(release))) available.push(release);
const skip = reportMissing(await missingPrerequisite(), 'release matrix e2e');
// CI must run the oldest and the newest release; elsewhere a missing one is skipped, loudly.
for (const release of RELEASES.filter((r) => !available.includes(r))) {
  const why = `the node image ${hermeticImageOf(release)} is missing (KUBERNETES_VERSION=v${release.minor} npm run images:node)`;
  if (required.includes(release)) reportMissing(why, `release matrix e2e for v${release.minor}`);
  else console.warn(`\n*** release matrix: v${release.minor} skipped, ${why} ***\n`);
}

/** A server on the worker, a client on the control plane (tolerating its taint), a Service. */
function workload(image: string): string {
  const container = (name: string, command: string) => ({
    name,
    image,
    imagePullPolicy: 'Never',
    command: ['sh', '-c', command],
  });
  const docs = [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'server', namespace: 'default', labels: { app: 'server' } },
      spec: {
        nodeSelector: { 'node-role.kubernetes.io/worker': '' },
        containers: [
          {
            ...container('server', 'mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 8080 -h /www'),
            ports: [{ containerPort: 8080 }],
          },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'server', namespace: 'default' },
      spec: { selector: { app: 'server' }, ports: [{ port: 80, targetPort: 8080 }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'client', namespace: 'default', labels: { role: 'client' } },
      spec: {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        containers: [container('client', 'exec sleep 100000')],
      },
    },
  ];
  return docs.map((doc) => JSON.stringify(doc)).join('\n---\n');
}

const denyAll = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny-all', namespace: 'default' },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
};

const allowClient = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'allow-client', namespace: 'default' },
  spec: {
    podSelector: { matchLabels: { app: 'server' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 8080 }] }],
  },
};

/** The client's fetch of a URL: the body, or undefined when it fails (times out, refused). */
function fetchFromClient(e: Engine, cluster: string, url: string): Promise<string | undefined> {
  return kubectl(e, cluster, ['exec', 'client', '--', 'timeout', '4', 'wget', '-q', '-O', '-', url]).then(
    (body) => body.trim(),
    () => undefined,
  );
}

describe.skipIf(skip).each(available.map((release) => [release.minor, release] as const))(
  'Kubernetes %s (1 control plane + 1 worker)',
  (_minor, release) => {
    const name = uniqueName(`e2e-r${release.minor.replace('.', '')}`);
    let e: Engine;

    afterAll(async () => {
      await e.deleteCluster(name).catch(() => undefined);
    });

    it('creates the cluster with every node Ready at the requested release', async () => {
      e = await engine();
      const spec = specOf(name, {
        kubernetesVersion: `v${release.minor}`,
        workers: [{ name: 'workers', replicas: 1, labels: {}, taints: [], resources: {} }],
      });
      const created = await createOrCollect(e, spec);
      expect(created.kubernetesVersion).toBe(release.patch);
      const nodes = await kubectl(e, name, [
        'get',
        'nodes',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name} {.status.nodeInfo.kubeletVersion} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
      ]);
      const rows = nodes.trim().split('\n');
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).toMatch(new RegExp(` ${release.patch.replaceAll('.', '\\.')} True$`));
    });

    it('resolves names and reaches a Service on the other node', async () => {
      await kubectl(e, name, ['apply', '-f', '-'], workload(WEB_IMAGE_SOURCE));
      await kubectl(e, name, ['wait', '--for=condition=Ready', 'pod/server', 'pod/client', '--timeout=300s']);
      const nodesOf = await kubectl(e, name, [
        'get',
        'pods',
        'server',
        'client',
        '-o',
        'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}',
      ]);
      expect(new Set(nodesOf.trim().split('\n')).size).toBe(2);
      const answer = await eventually('the Service answers by DNS name from the other node', () =>
        fetchFromClient(e, name, 'http://server.default.svc.cluster.local/'),
      );
      expect(answer).toBe('hello');
    });

    it('enforces NetworkPolicy: deny-all blocks the client, an allow rule lets it through', async () => {
      const serverIp = (await kubectl(e, name, ['get', 'pod', 'server', '-o', 'jsonpath={.status.podIP}'])).trim();
      await kubectl(e, name, ['apply', '-f', '-'], JSON.stringify(denyAll));
      await eventually(
        'deny-all blocks the client',
        async () => ((await fetchFromClient(e, name, `http://${serverIp}:8080/`)) === undefined ? true : undefined),
        60_000,
      );
      // Blocked stays blocked: not one lucky timeout.
      expect(await fetchFromClient(e, name, `http://${serverIp}:8080/`)).toBeUndefined();
      await kubectl(e, name, ['apply', '-f', '-'], JSON.stringify(allowClient));
      const allowed = await eventually(
        'the allow rule lets the client through',
        () => fetchFromClient(e, name, `http://${serverIp}:8080/`),
        60_000,
      );
      expect(allowed).toBe('hello');
    });
  },
);
