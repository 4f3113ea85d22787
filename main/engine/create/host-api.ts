// The host-side view of a cluster: admin credentials pointed at the published API endpoint.
import type { CoreV1Api } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { coreApi, kubeConfigFromYaml } from '../../kube/client.js';
import { hostKubeconfigEntry, standaloneKubeconfig } from '../../kube/kubeconfig-rewrite.js';
import type { KubeconfigEntry } from '../../kube/kubeconfig-types.js';
import { contextName } from '../../lib/naming.js';
import { apiDialAddress } from '../plan/plan-cluster.js';
import type { ClusterPlan } from '../plan/types.js';

/** https://ADDRESS:PORT as published on the host. */
export function hostServer(plan: Pick<ClusterPlan, 'api'>): string {
  return `https://${apiDialAddress(plan)}:${String(plan.api.hostPort)}`;
}

/** The slipway-NAME entry for the user's kubeconfig. */
export function hostEntry(plan: Pick<ClusterPlan, 'api' | 'name'>, adminConf: string): KubeconfigEntry {
  return hostKubeconfigEntry(adminConf, contextName(plan.name), hostServer(plan));
}

/** A client-node CoreV1Api talking to the cluster from the host. */
export function hostApi(plan: Pick<ClusterPlan, 'api' | 'name'>, adminConf: string): CoreV1Api {
  return coreApi(kubeConfigFromYaml(stringify(standaloneKubeconfig(hostEntry(plan, adminConf)))));
}
