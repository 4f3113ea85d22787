// The legacy VKS form: a TanzuKubernetesCluster (run.tanzu.vmware.com/v1alpha3), deprecated
// since TKG Service 3.2 but still what older Supervisors and runbooks use.
import type { ClusterSpec, WorkerPool } from '../../spec/index.js';
import { clusterSelectorLabels } from '../labels.js';
import type { KubeObject } from '../types.js';
import type { VksSite } from './site.js';
import { anyProvides } from '../../addons/bundle-facts.js';

/** The TanzuKubernetesCluster object. */
export function buildTanzuKubernetesCluster(spec: ClusterSpec, site: VksSite): KubeObject {
  const networking = spec.spec.networking;
  const wantsDefaultStorage = anyProvides(spec.spec.addons, 'storage.csi');
  return {
    apiVersion: 'run.tanzu.vmware.com/v1alpha3',
    kind: 'TanzuKubernetesCluster',
    metadata: {
      name: spec.metadata.name,
      namespace: site.namespace,
      labels: clusterSelectorLabels(spec.metadata.name),
    },
    spec: {
      topology: {
        controlPlane: {
          replicas: spec.spec.controlPlane.replicas,
          vmClass: site.vmClass,
          storageClass: site.storageClass,
          tkr: { reference: { name: site.release } },
        },
        nodePools: spec.spec.workers.map((pool, index) =>
          nodePool(pool, site.poolVmClasses[index] ?? site.vmClass, site.storageClass),
        ),
      },
      settings: {
        network: {
          pods: { cidrBlocks: [networking.podSubnet] },
          services: { cidrBlocks: [networking.serviceSubnet] },
          serviceDomain: 'cluster.local',
        },
        ...(wantsDefaultStorage && { storage: { defaultClass: site.storageClass } }),
      },
    },
  };
}

function nodePool(pool: WorkerPool, vmClass: string, storageClass: string): Record<string, unknown> {
  return {
    name: pool.name,
    replicas: pool.replicas,
    vmClass,
    storageClass,
    ...(Object.keys(pool.labels).length > 0 && { labels: pool.labels }),
    ...(pool.taints.length > 0 && {
      taints: pool.taints.map((taint) => ({
        key: taint.key,
        ...(taint.value !== undefined && { value: taint.value }),
        effect: taint.effect,
      })),
    }),
  };
}
