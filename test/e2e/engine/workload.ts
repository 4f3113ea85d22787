// A small web Deployment spread over the workers, a Service in front of it and a client pod,
// all on busybox (the local-path helper image every node image carries; its wget crashes
// with -T, so `timeout` bounds requests), and the checks that
// traffic crosses nodes: pod to pod by address and pod to Service by DNS name.
import { expect } from 'vitest';
import type { Engine } from '../../../main/engine/types.js';
import { eventually } from '../eventually.js';
import { kubectl } from './harness.js';

/** A busybox image present on the host (built with the node image). */
export const WEB_IMAGE_SOURCE = 'localhost/slipway/local-path-helper:1.35-bookworm';

function manifest(image: string): string {
  const pod = (name: string, command: string) => ({
    name,
    image,
    imagePullPolicy: 'Never',
    command: ['sh', '-c', command],
  });
  const docs = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'DoNotSchedule',
                labelSelector: { matchLabels: { app: 'web' } },
              },
            ],
            containers: [
              {
                ...pod('web', 'mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www'),
                ports: [{ containerPort: 8080 }],
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'client', namespace: 'default' },
      spec: { containers: [pod('client', 'exec sleep 100000')] },
    },
  ];
  return docs.map((doc) => JSON.stringify(doc)).join('\n---\n');
}

/** Apply the workload and wait until it runs. */
export async function applyWorkload(e: Engine, cluster: string, image: string): Promise<void> {
  await kubectl(e, cluster, ['apply', '-f', '-'], manifest(image));
  await kubectl(e, cluster, ['rollout', 'status', 'deployment/web', '--timeout=300s']);
  await kubectl(e, cluster, ['wait', '--for=condition=Ready', 'pod/client', '--timeout=300s']);
}

interface WebPod {
  name: string;
  ip: string;
  node: string;
}

async function webPods(e: Engine, cluster: string): Promise<WebPod[]> {
  const out = await kubectl(e, cluster, [
    'get',
    'pods',
    '-l',
    'app=web',
    '-o',
    'jsonpath={range .items[*]}{.metadata.name} {.status.podIP} {.spec.nodeName}{"\\n"}{end}',
  ]);
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [name = '', ip = '', node = ''] = line.split(' ');
      return { name, ip, node };
    });
}

async function wget(e: Engine, cluster: string, from: string, url: string): Promise<string> {
  return kubectl(e, cluster, ['exec', from, '--', 'timeout', '5', 'wget', '-q', '-O', '-', url]);
}

/** Every web pod answers every other by address, and the Service answers by DNS name. */
export async function checkConnectivity(e: Engine, cluster: string): Promise<WebPod[]> {
  const pods = await eventually('two web pods running on two nodes', async () => {
    await kubectl(e, cluster, ['rollout', 'status', 'deployment/web', '--timeout=120s']);
    const found = await webPods(e, cluster);
    return found.length === 2 && found.every((p) => p.ip) && new Set(found.map((p) => p.node)).size === 2
      ? found
      : undefined;
  });
  await kubectl(e, cluster, ['wait', '--for=condition=Ready', 'pod/client', '--timeout=300s']);
  for (const from of pods) {
    for (const to of pods) {
      if (from === to) continue;
      const answer = await eventually(`${from.name} reaches ${to.name}`, () =>
        wget(e, cluster, from.name, `http://${to.ip}:8080/`),
      );
      expect(answer.trim()).toBe(to.name);
    }
  }
  const viaService = await eventually('the Service answers by DNS name', () =>
    wget(e, cluster, 'client', 'http://web.default.svc.cluster.local/'),
  );
  expect(pods.map((p) => p.name)).toContain(viaService.trim());
  return pods;
}
