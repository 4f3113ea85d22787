// The record of what an add-on applied, kept in the cluster (ConfigMap addon-<name> in
// slipway-system, like a Helm release Secret): disable removes exactly these objects and
// host operations, and `addons list` reads it. It holds no secrets.
import { PatchStrategy } from '@kubernetes/client-node';
import type { HostOperation } from './bundle-schema.js';
import type { KubeClients } from './kube-clients.js';
import { isNotFound } from './kube-clients.js';
import type { ParameterValues } from './parameters.js';
import type { DataCheck } from './bundle-schema.js';

export const INVENTORY_NAMESPACE = 'slipway-system';
export const INVENTORY_LABEL = 'addons.slipway.dev/inventory';
const FIELD_MANAGER = 'slipway-addons';

/** One object an add-on applied. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  phase: string;
}

export interface Inventory {
  name: string;
  version: string;
  params: ParameterValues;
  /** applying: written before the first object, so a failed enable can still be disabled. */
  state: 'applying' | 'ready' | 'not-ready';
  objects: ObjectRef[];
  hostOperations: HostOperation[];
  dataChecks: DataCheck[];
  updatedAt: string;
}

/** Name of the ConfigMap holding an add-on's inventory. */
export function inventoryName(addon: string): string {
  return `addon-${addon}`;
}

/** Write (server-side apply) an add-on's inventory, creating slipway-system when needed. */
export async function writeInventory(clients: KubeClients, inventory: Inventory): Promise<void> {
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: INVENTORY_NAMESPACE } };
  await clients.objects.patch(namespace, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: inventoryName(inventory.name),
      namespace: INVENTORY_NAMESPACE,
      labels: { [INVENTORY_LABEL]: 'true', 'addons.slipway.dev/name': inventory.name },
    },
    data: { 'inventory.json': JSON.stringify(inventory, null, 2) },
  };
  await clients.objects.patch(configMap, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
}

/** Every add-on inventory on the cluster, by add-on name. */
export async function readInventories(clients: KubeClients): Promise<Inventory[]> {
  try {
    const list = await clients.core.listNamespacedConfigMap({
      namespace: INVENTORY_NAMESPACE,
      labelSelector: `${INVENTORY_LABEL}=true`,
    });
    return list.items.flatMap((item) => {
      const text = item.data?.['inventory.json'];
      return text ? [JSON.parse(text) as Inventory] : [];
    });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** One add-on's inventory, or undefined when it is not enabled. */
export async function readInventory(clients: KubeClients, addon: string): Promise<Inventory | undefined> {
  return (await readInventories(clients)).find((inventory) => inventory.name === addon);
}

/** Remove an add-on's inventory (the last step of disable). */
export async function deleteInventory(clients: KubeClients, addon: string): Promise<void> {
  try {
    await clients.core.deleteNamespacedConfigMap({ name: inventoryName(addon), namespace: INVENTORY_NAMESPACE });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
