// Removing everything a cluster owns: its containers with their /var volumes, its network, and
// its entries in the user's kubeconfig. Used by delete and by cleanup after a failed create.
import { access } from 'node:fs/promises';
import { NotFound } from '../../errors.js';
import { updateKubeconfigFile } from '../../kube/kubeconfig-file.js';
import { hasKubeconfigEntry, removeKubeconfigEntry } from '../../kube/kubeconfig-merge.js';
import { contextName } from '../../lib/naming.js';
import type { Provider } from '../provider.js';

export interface Removal {
  containers: string[];
  network: boolean;
  kubeconfigContext: boolean;
}

/** Drop slipway-NAME from the kubeconfig file, if the file exists and has it. */
export async function removeKubeconfigContext(path: string, cluster: string): Promise<boolean> {
  if (
    !(await access(path).then(
      () => true,
      () => false,
    ))
  )
    return false;
  let removed = false;
  await updateKubeconfigFile(path, (config) => {
    if (!config || !hasKubeconfigEntry(config, contextName(cluster))) return undefined;
    removed = true;
    return removeKubeconfigEntry(config, contextName(cluster));
  });
  return removed;
}

/** Remove whatever exists of the cluster; never fails because a part is already gone. */
export async function removeCluster(provider: Provider, cluster: string, kubeconfigPath: string): Promise<Removal> {
  const containers = (await provider.listNodes(cluster)).map((node) => node.name);
  await provider.deleteNodes(containers);
  const network = (await provider.listNetworkClusters()).includes(cluster);
  await provider.deleteNetwork(cluster);
  const kubeconfigContext = await removeKubeconfigContext(kubeconfigPath, cluster);
  return { containers, network, kubeconfigContext };
}

/** `slipway delete`: a cluster with no container and no network does not exist (exit 2). */
export async function deleteCluster(provider: Provider, cluster: string, kubeconfigPath: string): Promise<Removal> {
  const exists =
    (await provider.listNodes(cluster)).length > 0 || (await provider.listNetworkClusters()).includes(cluster);
  if (!exists) {
    // A context left behind by an earlier crash is still cleaned up, but the cluster is missing.
    await removeKubeconfigContext(kubeconfigPath, cluster);
    throw new NotFound(`cluster "${cluster}" not found`, { hint: 'list clusters with `slipway list`' });
  }
  return removeCluster(provider, cluster, kubeconfigPath);
}
