// The Kubernetes clients the installer uses, built from a cluster's kubeconfig text.
import { ApiextensionsV1Api, AppsV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';

export interface KubeClients {
  config: KubeConfig;
  objects: KubernetesObjectApi;
  core: CoreV1Api;
  apps: AppsV1Api;
  extensions: ApiextensionsV1Api;
}

/** Clients for one cluster, from its kubeconfig YAML. */
export function kubeClientsFromKubeconfig(kubeconfig: string): KubeClients {
  const config = new KubeConfig();
  config.loadFromString(kubeconfig);
  return {
    config,
    objects: KubernetesObjectApi.makeApiClient(config),
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    extensions: config.makeApiClient(ApiextensionsV1Api),
  };
}

/** True when a client-node error is an HTTP 404. */
export function isNotFound(error: unknown): boolean {
  return (error as { code?: number }).code === 404 || (error as { statusCode?: number }).statusCode === 404;
}
