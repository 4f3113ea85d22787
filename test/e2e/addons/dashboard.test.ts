// dashboard: Headlamp's objects, least-privilege RBAC and a TokenRequest login token.
// Headlamp's image cannot be built offline (its web frontend is neither a Go nor an npm
// package), so unless the upstream image is on this host the UI itself is NOT tested here:
// everything else is (objects applied, the view-only role, the token, disable).
import { CoreV1Api, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAddon, enableAddon, mintServiceAccountToken } from '../../../main/addons/index.js';
import { Conflict } from '../../../main/errors.js';
import { WEB_IMAGE_SOURCE } from '../engine/workload.js';
import { createAddonCluster, imagePresent, missingPrerequisite, reportMissing, type AddonCluster } from './fixture.js';

const skip = reportMissing(await missingPrerequisite(), 'dashboard e2e');
const HEADLAMP_REPOSITORY = 'ghcr.io/headlamp-k8s/headlamp';
const HEADLAMP = `${HEADLAMP_REPOSITORY}:v0.45.0`;
const headlampPresent = await imagePresent(HEADLAMP);
if (!headlampPresent)
  console.warn(
    `\n*** dashboard e2e: ${HEADLAMP} is not on this host and cannot be built offline; the Headlamp UI is NOT tested: enable is checked to refuse, then its objects, RBAC and token are checked with a busybox STAND-IN as the image ***\n`,
  );

function clientWithToken(cluster: AddonCluster, token: string): { api: CoreV1Api; objects: KubernetesObjectApi } {
  const current = cluster.clients.config.getCurrentCluster();
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: current ? [current] : [],
    users: [{ name: 'headlamp-user', token }],
    contexts: [{ name: 'login', cluster: current?.name ?? '', user: 'headlamp-user' }],
    currentContext: 'login',
  });
  return { api: config.makeApiClient(CoreV1Api), objects: KubernetesObjectApi.makeApiClient(config) };
}

describe.skipIf(skip)('dashboard add-on', () => {
  let cluster: AddonCluster;
  beforeAll(async () => {
    cluster = await createAddonCluster('e2e-dashboard');
    if (headlampPresent) await cluster.engine.loadImages(cluster.name, [HEADLAMP]);
  });
  afterAll(async () => {
    // Undefined when create itself failed.
    await (cluster as AddonCluster | undefined)?.delete();
  });

  it.skipIf(headlampPresent)('refuses before applying anything when Headlamp’s image cannot be had', async () => {
    const error = await enableAddon(cluster.context, cluster.name, { name: 'dashboard' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toContain('ghcr.io/headlamp-k8s/headlamp:v0.45.0');
    expect((error as Conflict).hint).toBeTruthy();
    await expect(cluster.clients.core.readNamespace({ name: 'headlamp' })).rejects.toThrow();
  });

  it('applies Headlamp and a view-only login account', async () => {
    // Offline, Headlamp's image points at a stand-in that is on the nodes (busybox, which never
    // serves the UI) so the objects, RBAC and token can still be checked; the UI is not.
    const context = headlampPresent
      ? cluster.context
      : { ...cluster.context, overrides: { ...cluster.context.overrides, [HEADLAMP_REPOSITORY]: WEB_IMAGE_SOURCE } };
    const result = await enableAddon(context, cluster.name, { name: 'dashboard' }, { wait: headlampPresent });
    expect(result.outputs.map((o) => o.kind)).toEqual(['port-forward', 'token']);
    const deployment = await cluster.clients.apps.readNamespacedDeployment({ name: 'headlamp', namespace: 'headlamp' });
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe(
      headlampPresent ? expect.stringContaining('headlamp') : WEB_IMAGE_SOURCE,
    );
    const binding = await cluster.clients.objects.read({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'slipway:headlamp-user' },
    });
    expect((binding as unknown as { roleRef: { name: string } }).roleRef.name).toBe('view');
  });

  it('mints a token that can read but not change or read secrets', async () => {
    const token = await mintServiceAccountToken(cluster.clients, { namespace: 'headlamp', name: 'headlamp-user' }, 600);
    expect(token.split('.')).toHaveLength(3);
    const { api, objects } = clientWithToken(cluster, token);
    await expect(api.listNamespacedPod({ namespace: 'kube-system' })).resolves.toBeDefined();
    await expect(api.listNode()).resolves.toBeDefined();
    await expect(api.listNamespacedSecret({ namespace: 'kube-system' })).rejects.toMatchObject({ code: 403 });
    await expect(
      objects.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nope', namespace: 'default' } }),
    ).rejects.toMatchObject({ code: 403 });
  });

  it('disables cleanly', async () => {
    await disableAddon(cluster.context, cluster.name, 'dashboard');
    await expect(cluster.clients.core.readNamespace({ name: 'headlamp' })).rejects.toThrow();
  });
});
