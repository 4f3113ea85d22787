// Where each workload kind lives in the Kubernetes API: group/version, kind and the list
// path an informer watches (all namespaces, or one).
import type { WorkloadKind } from './types.js';

export interface ApiKind {
  apiVersion: string;
  kind: string;
  /** The plural resource, as in the URL. */
  resource: string;
  namespaced: boolean;
}

export const API_KINDS: Record<WorkloadKind, ApiKind> = {
  namespaces: { apiVersion: 'v1', kind: 'Namespace', resource: 'namespaces', namespaced: false },
  pods: { apiVersion: 'v1', kind: 'Pod', resource: 'pods', namespaced: true },
  deployments: { apiVersion: 'apps/v1', kind: 'Deployment', resource: 'deployments', namespaced: true },
  statefulsets: { apiVersion: 'apps/v1', kind: 'StatefulSet', resource: 'statefulsets', namespaced: true },
  daemonsets: { apiVersion: 'apps/v1', kind: 'DaemonSet', resource: 'daemonsets', namespaced: true },
  services: { apiVersion: 'v1', kind: 'Service', resource: 'services', namespaced: true },
  ingresses: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', resource: 'ingresses', namespaced: true },
  httproutes: {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    resource: 'httproutes',
    namespaced: true,
  },
};

/** The list path of a kind: /api/v1/pods, /apis/apps/v1/namespaces/shop/deployments. */
export function listPath(kind: WorkloadKind, namespace?: string): string {
  const api = API_KINDS[kind];
  const prefix = api.apiVersion.includes('/') ? `/apis/${api.apiVersion}` : `/api/${api.apiVersion}`;
  return api.namespaced && namespace
    ? `${prefix}/namespaces/${encodeURIComponent(namespace)}/${api.resource}`
    : `${prefix}/${api.resource}`;
}
