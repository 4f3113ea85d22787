// What `addons list` shows: every bundle with whether it is enabled on a cluster, its
// version, parameters and state from the inventory.
import type { AddonContext } from './enable.js';
import { readInventories } from './inventory.js';
import { kubeClientsFromKubeconfig } from './kube-clients.js';
import { listBundles } from './load-bundle.js';
import type { ParameterValues } from './parameters.js';

export interface AddonStatus {
  name: string;
  displayName: string;
  description: string;
  bundleVersion: string;
  enabled: boolean;
  state?: 'applying' | 'ready' | 'not-ready';
  installedVersion?: string;
  params?: ParameterValues;
}

/** Bundles with their state on a cluster (or only the bundles, without a cluster). */
export async function addonStatuses(
  context: Pick<AddonContext, 'engine' | 'bundles'>,
  cluster?: string,
): Promise<AddonStatus[]> {
  const bundles = await listBundles(context.bundles);
  const inventories = cluster
    ? await readInventories(kubeClientsFromKubeconfig(await context.engine.kubeconfig(cluster)))
    : [];
  return bundles.map((bundle) => {
    const inventory = inventories.find((inv) => inv.name === bundle.name);
    const status: AddonStatus = {
      name: bundle.name,
      displayName: bundle.document.metadata.displayName,
      description: bundle.document.metadata.description,
      bundleVersion: bundle.document.metadata.version,
      enabled: inventory !== undefined,
    };
    if (inventory)
      Object.assign(status, { state: inventory.state, installedVersion: inventory.version, params: inventory.params });
    return status;
  });
}
