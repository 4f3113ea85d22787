// VKS: a Cluster API Cluster on one of the platform's ClusterClasses (./classes.ts), with its
// VM class and storage variables, the release as topology version, and per-pool overrides.
import type { ClusterSpec } from '../../spec/index.js';
import { buildTopologyCluster, type CapiApiVersion } from '../capi/cluster.js';
import type { KubeObject } from '../types.js';
import type { VksClass } from './classes.js';
import type { VksSite } from './site.js';
import { anyProvides } from '../../addons/bundle-facts.js';

const VKS_WORKER_CLASS = 'node-pool';

/** The VKS Cluster object on `cls`. */
export function buildVksCluster(
  spec: ClusterSpec,
  site: VksSite,
  cls: VksClass,
  apiVersion: CapiApiVersion,
): KubeObject {
  const defaultStorage = anyProvides(spec.spec.addons, 'storage.csi');
  return buildTopologyCluster({
    spec,
    apiVersion,
    namespace: site.namespace,
    clusterClass: cls.name,
    classNamespace: cls.namespace,
    workerClass: VKS_WORKER_CLASS,
    version: site.release,
    variables: cls.variables({ vmClass: site.vmClass, storageClass: site.storageClass, defaultStorage }),
    decoratePool: (pool, index) => {
      const overrides = cls.poolOverrides(pool, site.poolVmClasses[index]);
      return overrides.length > 0 ? { variables: { overrides } } : {};
    },
  });
}
