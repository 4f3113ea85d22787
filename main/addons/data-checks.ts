// Finds the data an enabled add-on holds, so disable can ask before deleting it: volumes of
// its CSI driver, custom resources of its CRDs, images in the registry's host volume.
import { Cancelled, SlipwayError } from '../errors.js';
import { deleteObjects } from './apply.js';
import type { DataCheck } from './bundle-schema.js';
import type { AddonHost } from './host/types.js';
import type { Inventory } from './inventory.js';
import { isNotFound, type KubeClients } from './kube-clients.js';

type CrdLive = {
  spec: { group: string; names: { kind: string; plural: string }; versions: { name: string; storage: boolean }[] };
};

/** Descriptions of the data found ("2 VolumeSnapshots"); empty when there is none. */
export async function findData(clients: KubeClients, host: AddonHost, inventory: Inventory): Promise<string[]> {
  const found = await Promise.all(inventory.dataChecks.map((check) => runDataCheck(clients, host, inventory, check)));
  return found.flat();
}

async function runDataCheck(
  clients: KubeClients,
  host: AddonHost,
  inventory: Inventory,
  check: DataCheck,
): Promise<string[]> {
  if ('persistentVolumesOfDriver' in check) {
    const list = await clients.core.listPersistentVolume();
    const count = list.items.filter((pv) => pv.spec?.csi?.driver === check.persistentVolumesOfDriver).length;
    return count > 0 ? [`${String(count)} PersistentVolume(s) of ${check.persistentVolumesOfDriver}`] : [];
  }
  if ('hostVolume' in check) {
    const registry = inventory.hostOperations.flatMap((op) =>
      'registryContainer' in op && op.registryContainer.volume === check.hostVolume ? [op.registryContainer] : [],
    )[0];
    const holds = await host.containers.registryHoldsData({ name: registry?.name ?? '', volume: check.hostVolume });
    return holds ? [`images in the host volume ${check.hostVolume}`] : [];
  }
  return customResourcesOf(clients, inventory);
}

async function customResourcesOf(clients: KubeClients, inventory: Inventory): Promise<string[]> {
  const found = await userCustomResources(clients, inventory);
  return found
    .filter((group) => group.items.length > 0)
    .map((group) => `${String(group.items.length)} ${group.kind}(s)`);
}

interface UserResources {
  apiVersion: string;
  kind: string;
  items: { name: string; namespace?: string }[];
}

/** Custom resources of the add-on's CRDs that users created (not the add-on's own objects). */
async function userCustomResources(clients: KubeClients, inventory: Inventory): Promise<UserResources[]> {
  const found: UserResources[] = [];
  const own = new Set(inventory.objects.map((o) => `${o.kind}/${o.namespace ?? ''}/${o.name}`));
  for (const ref of inventory.objects.filter((o) => o.kind === 'CustomResourceDefinition')) {
    let crd: CrdLive;
    try {
      crd = (await clients.objects.read({
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { name: ref.name },
      })) as unknown as CrdLive;
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    const version = crd.spec.versions.find((v) => v.storage)?.name ?? crd.spec.versions[0]?.name ?? 'v1';
    const apiVersion = `${crd.spec.group}/${version}`;
    const kind = crd.spec.names.kind;
    const list = await clients.objects.list(apiVersion, kind);
    const items = list.items
      .map((item) => ({ name: item.metadata?.name ?? '', namespace: item.metadata?.namespace }))
      // Objects the add-on applied itself (e.g. its shared Gateway) are not user data.
      .filter((item) => !own.has(`${kind}/${item.namespace ?? ''}/${item.name}`));
    found.push({ apiVersion, kind, items });
  }
  return found;
}

/** How long disable --yes waits for users' custom resources to go. */
export const CUSTOM_RESOURCE_DELETE_TIMEOUT_MS = 120_000;

type Scope = 'namespaced' | 'cluster';

async function userResourcesIn(clients: KubeClients, inventory: Inventory, scope: Scope): Promise<UserResources[]> {
  return (await userCustomResources(clients, inventory))
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => (scope === 'namespaced') === (item.namespace !== undefined)),
    }))
    .filter((group) => group.items.length > 0);
}

/**
 * With --yes: delete users' custom resources of the add-on's CRDs while its controllers still
 * run, and wait until they are gone. Their finalizers (e.g. a VolumeSnapshot's) are removed by
 * those controllers; deleting the CRDs first would leave them, and the CRDs, stuck.
 *
 * Namespaced resources go first: their controllers delete the cluster-scoped objects they made
 * (a VolumeSnapshot's VolumeSnapshotContent). Deleting both at once races those controllers.
 * What is still there at the deadline is named in the error, and nothing more is deleted.
 */
export async function deleteCustomResources(
  clients: KubeClients,
  inventory: Inventory,
  options: { signal?: AbortSignal; timeoutMs?: number; pollMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? CUSTOM_RESOURCE_DELETE_TIMEOUT_MS);
  for (const scope of ['namespaced', 'cluster'] as const) {
    let remaining = await userResourcesIn(clients, inventory, scope);
    if (remaining.length === 0) continue;
    await deleteObjects(
      clients,
      remaining.flatMap((group) =>
        group.items.map((item) => ({ apiVersion: group.apiVersion, kind: group.kind, ...item })),
      ),
    );
    while (remaining.length > 0) {
      if (options.signal?.aborted) throw new Cancelled('disable cancelled while custom resources were being deleted');
      if (Date.now() >= deadline) {
        const names = remaining.flatMap((group) =>
          group.items.map((item) => `${group.kind} ${item.namespace ? `${item.namespace}/` : ''}${item.name}`),
        );
        throw new SlipwayError(`custom resources were not deleted in time: ${names.join(', ')}`, {
          hint: 'their finalizers are still set; see `kubectl describe` for what they wait for, then run disable again',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      remaining = await userResourcesIn(clients, inventory, scope);
    }
  }
}

/**
 * With --yes: delete the claims bound to volumes of the add-on's CSI drivers while the driver
 * still runs, so the driver deletes the volumes (no orphaned PersistentVolumes are left).
 */
export async function deleteDriverVolumes(
  clients: KubeClients,
  inventory: Inventory,
  signal?: AbortSignal,
): Promise<void> {
  const drivers = inventory.dataChecks.flatMap((check) =>
    'persistentVolumesOfDriver' in check ? [check.persistentVolumesOfDriver] : [],
  );
  if (drivers.length === 0) return;
  const ofDrivers = async () =>
    (await clients.core.listPersistentVolume()).items.filter((pv) => drivers.includes(pv.spec?.csi?.driver ?? ''));
  for (const pv of await ofDrivers()) {
    const claim = pv.spec?.claimRef;
    if (claim?.name && claim.namespace) {
      await clients.core
        .deleteNamespacedPersistentVolumeClaim({ name: claim.name, namespace: claim.namespace })
        .catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
    }
  }
  const deadline = Date.now() + 120_000;
  while ((await ofDrivers()).length > 0 && Date.now() < deadline && !signal?.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
