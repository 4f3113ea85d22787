// ingress: an Ingress and an HTTPRoute both reach an app from the host through Traefik on the
// mapped host port; disable removes the controller and (with --yes) the Gateway API CRDs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAddon, enableAddon } from '../../../main/addons/index.js';
import { httpGet } from '../../../main/net/http-get.js';
import {
  createAddonCluster,
  createObject,
  HTTP_PORT,
  missingPrerequisite,
  reportMissing,
  type AddonCluster,
} from './fixture.js';
import { eventually } from '../eventually.js';

const skip = reportMissing(await missingPrerequisite(), 'ingress e2e');

/** GET through Traefik's host port with a virtual host (fetch() would drop the Host header). */
async function get(host: string, path: string): Promise<number | undefined> {
  const answer = await httpGet(`http://127.0.0.1:${String(HTTP_PORT)}${path}`, { timeoutMs: 5000, headers: { host } });
  return answer.status === 200 ? 200 : undefined;
}

describe.skipIf(skip)('ingress add-on', () => {
  let cluster: AddonCluster;
  beforeAll(async () => {
    cluster = await createAddonCluster('e2e-ingress');
  });
  afterAll(async () => {
    // Undefined when create itself failed.
    await (cluster as AddonCluster | undefined)?.delete();
  });

  it('serves an Ingress and an HTTPRoute from the host', async () => {
    const started = Date.now();
    await enableAddon(cluster.context, cluster.name, { name: 'ingress' });
    console.log(`ingress enable-to-usable: ${String(Date.now() - started)} ms`);

    // The backend is the hermetic registry image: an HTTP server answering 200 on /v2/.
    const app = Object.values(cluster.context.overrides ?? {}).find((ref) => ref.includes('/registry:')) ?? '';
    await cluster.engine.loadImages(cluster.name, [app]);
    await createObject(cluster, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'app', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'app' } },
        template: {
          metadata: { labels: { app: 'app' } },
          spec: {
            containers: [{ name: 'app', image: app, imagePullPolicy: 'Never', ports: [{ containerPort: 5000 }] }],
          },
        },
      },
    });
    await createObject(cluster, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'app', namespace: 'default' },
      spec: { selector: { app: 'app' }, ports: [{ port: 80, targetPort: 5000 }] },
    });
    await createObject(cluster, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'app', namespace: 'default' },
      spec: {
        rules: [
          {
            host: 'app.localhost',
            http: {
              paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'app', port: { number: 80 } } } }],
            },
          },
        ],
      },
    });
    await createObject(cluster, {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'app', namespace: 'default' },
      spec: {
        parentRefs: [{ name: 'traefik', namespace: 'ingress' }],
        hostnames: ['route.localhost'],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'app', port: 80 }] }],
      },
    });
    expect(await eventually('Ingress reaches the app', () => get('app.localhost', '/v2/'))).toBe(200);
    expect(await eventually('HTTPRoute reaches the app', () => get('route.localhost', '/v2/'))).toBe(200);
  });

  it('disables, deleting routes only when confirmed', async () => {
    await expect(disableAddon(cluster.context, cluster.name, 'ingress')).rejects.toThrow(/holds data: 1 HTTPRoute/);
    await disableAddon(cluster.context, cluster.name, 'ingress', { yes: true });
    await expect(
      cluster.clients.apps.readNamespacedDaemonSet({ name: 'traefik', namespace: 'ingress' }),
    ).rejects.toThrow();
    await expect(
      cluster.clients.extensions.readCustomResourceDefinition({ name: 'httproutes.gateway.networking.k8s.io' }),
    ).rejects.toThrow();
  });
});
