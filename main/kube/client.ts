// Building @kubernetes/client-node clients from a kubeconfig held in memory.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

/** A KubeConfig loaded from YAML text (never from the user's files). */
export function kubeConfigFromYaml(yaml: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromString(yaml);
  return config;
}

export function coreApi(config: KubeConfig): CoreV1Api {
  return config.makeApiClient(CoreV1Api);
}
