// Export to a kind config (kind.x-k8s.io/v1alpha4): one node entry per replica, pool labels and
// taints (through a JoinConfiguration patch), port mappings on the ingress-ready node.
import { kindestVersionOf, lookUpRelease, satisfies } from '../../spec/releases.js';
import { stringify } from 'yaml';
import type { ClusterSpec, WorkerPool } from '../../spec/index.js';
import { addonIssues } from '../addons/issues.js';
import { issue, poolPath } from '../issues.js';
import type { ApiObject, ExportIssue, TargetExport } from '../types.js';
import { INGRESS_READY_LABEL, KIND_POOL_LABEL } from './pool-label.js';
import { KIND_API_VERSION, type KindNode } from './schema.js';

const LOCAL_API_ADDRESS = '127.0.0.1';

/** Export a spec to a kind config. */
export function exportToKind(spec: ClusterSpec): TargetExport {
  const issues: ExportIssue[] = [...addonIssues(spec, 'kind')];
  spec.spec.workers.forEach((pool, index) => {
    if (pool.replicas === 0) {
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          poolPath(index, 'replicas'),
          `pool "${pool.name}" has no nodes; kind lists nodes, so the pool is dropped`,
        ),
      );
    }
    if (Object.keys(pool.resources).length > 0) {
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          poolPath(index, 'resources'),
          `pool "${pool.name}" resources are not applied: kind sets no container limits`,
        ),
      );
    }
  });
  const config: ApiObject = {
    kind: 'Cluster',
    apiVersion: KIND_API_VERSION,
    name: spec.metadata.name,
    networking: kindNetworking(spec),
    nodes: kindNodes(spec),
  };
  return {
    documents: [
      {
        file: 'kind-config.yaml',
        title: 'kind cluster config (kind create cluster --config kind-config.yaml)',
        format: 'yaml',
        objects: [config],
      },
    ],
    issues,
  };
}

function kindNetworking(spec: ClusterSpec): Record<string, unknown> {
  const { podSubnet, serviceSubnet, apiServerAddress, apiServerPort } = spec.spec.networking;
  return {
    ...(apiServerAddress !== LOCAL_API_ADDRESS && { apiServerAddress }),
    ...(apiServerPort !== 0 && { apiServerPort }),
    podSubnet,
    serviceSubnet,
  };
}

function kindNodes(spec: ClusterSpec): KindNode[] {
  const image = nodeImage(spec);
  const ingressPool = spec.spec.workers.findIndex(
    (pool) => pool.labels[INGRESS_READY_LABEL] === 'true' && pool.replicas > 0,
  );
  const mappings = spec.spec.portMappings.map((mapping) => ({
    containerPort: mapping.containerPort,
    hostPort: mapping.hostPort,
    listenAddress: mapping.listenAddress,
    protocol: mapping.protocol,
  }));
  const controlPlanes = Array.from({ length: spec.spec.controlPlane.replicas }, (_, index): KindNode => {
    const carriesPorts = index === 0 && ingressPool < 0 && mappings.length > 0;
    return {
      role: 'control-plane',
      ...(image !== undefined && { image }),
      ...(carriesPorts && { labels: { [INGRESS_READY_LABEL]: 'true' }, extraPortMappings: mappings }),
    };
  });
  const workers = spec.spec.workers.flatMap((pool, poolIndex) =>
    Array.from({ length: pool.replicas }, (_, index) =>
      workerNode(pool, image, poolIndex === ingressPool && index === 0 ? mappings : []),
    ),
  );
  return [...controlPlanes, ...workers];
}

function workerNode(pool: WorkerPool, image: string | undefined, mappings: KindNode['extraPortMappings']): KindNode {
  const taintPatch =
    pool.taints.length > 0 ? [stringify({ kind: 'JoinConfiguration', nodeRegistration: { taints: pool.taints } })] : [];
  return {
    role: 'worker',
    ...(image !== undefined && { image }),
    labels: { ...pool.labels, [KIND_POOL_LABEL]: pool.name },
    ...(mappings !== undefined && mappings.length > 0 && { extraPortMappings: mappings }),
    ...(taintPatch.length > 0 && { kubeadmConfigPatches: taintPatch }),
  };
}

/** The spec's node image; for a release, kind's own pin when it serves it, else the tag. */
function nodeImage(spec: ClusterSpec): string | undefined {
  if (spec.spec.nodeImage !== undefined && spec.spec.nodeImage !== '') return spec.spec.nodeImage;
  const version = spec.spec.kubernetesVersion;
  if (version === undefined) return undefined;
  const found = lookUpRelease(version);
  if (found.ok) {
    const { release } = found.request;
    const pinned = kindestVersionOf(release);
    if (release.kindest && pinned !== undefined && satisfies(found.request, pinned)) return release.kindest.image;
    if (found.request.patch === undefined) return `kindest/node:${release.patch}`;
  }
  return `kindest/node:${version}`;
}
