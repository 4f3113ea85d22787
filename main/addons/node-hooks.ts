// Hooks the cluster engine calls: install spec.addons at create time, and repeat node-level
// add-on work (the registry mirror) on nodes added or recreated later.
import type { Engine, TaskOptions } from '../engine/types.js';
import type { AddonRef } from '../spec/index.js';
import { enableAddons, type AddonContext, type EnableResult } from './enable.js';
import { dockerHostContainers } from './host/docker-registry.js';
import { engineNodeAccess } from './host/engine-node-access.js';
import { writeMirrorOnNodes } from './host-operations.js';
import { loadImageOverrides, overridesPathFromEnvironment } from './image-overrides.js';
import { readInventories } from './inventory.js';
import { kubeClientsFromKubeconfig } from './kube-clients.js';

/** The add-on context for an engine on the Docker host (overrides from SLIPWAY_IMAGE_OVERRIDES or the hermetic build). */
export async function addonContextForEngine(engine: Engine): Promise<AddonContext> {
  const overrides = await loadImageOverrides(overridesPathFromEnvironment());
  return { engine, host: { nodes: engineNodeAccess(engine), containers: dockerHostContainers() }, overrides };
}

/** Install a spec's add-ons (spec.addons) on a freshly created cluster. */
export async function installSpecAddons(
  context: AddonContext,
  cluster: string,
  addons: readonly AddonRef[],
  options: TaskOptions = {},
): Promise<EnableResult[]> {
  if (addons.length === 0) return [];
  return enableAddons(
    context,
    cluster,
    addons.map((addon) => ({ name: addon.name, params: addon.params })),
    options,
  );
}

/** Re-apply node-level host operations of every enabled add-on to all current nodes. */
export async function reconcileAddonNodes(context: AddonContext, cluster: string): Promise<void> {
  const clients = kubeClientsFromKubeconfig(await context.engine.kubeconfig(cluster));
  for (const inventory of await readInventories(clients)) {
    for (const operation of inventory.hostOperations) {
      if ('nodeRegistryMirror' in operation)
        await writeMirrorOnNodes(context.host, cluster, operation.nodeRegistryMirror);
    }
  }
}
