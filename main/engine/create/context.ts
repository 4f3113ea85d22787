// What the create steps share (kind's ActionContext): the plan and choices made in preflight,
// the provider, cancellation, logging, and what kubeadm init produced for later steps.
import type { CoreV1Api } from '@kubernetes/client-node';
import { SlipwayError } from '../../errors.js';
import type { KubeVersion } from '../kubeadm/version.js';
import type { ClusterPlan } from '../plan/types.js';
import type { HostInfo, Provider, SecurityMode } from '../provider.js';

/** Everything preflight decided. */
export interface Prepared {
  plan: ClusterPlan;
  nodeImage: string;
  loadBalancerImage?: string;
  version: KubeVersion;
  security: SecurityMode;
  host: HostInfo;
  /** Labels every container gets (version, image, creation time). */
  labels: Record<string, string>;
}

/** Produced by kubeadm init, consumed by CNI, join, wait and kubeconfig. */
export interface Bootstrap {
  adminConf?: string;
  caCertHash?: string;
  api?: CoreV1Api;
}

export interface BuildContext extends Prepared {
  provider: Provider;
  signal: AbortSignal;
  /** A progress line attached to the running step. */
  log: (message: string) => void;
  token: string;
  waitTimeoutMs: number;
  kubeconfigPath: string;
  bootstrap: Bootstrap;
}

/** A value kubeadm init must have produced before this step runs. */
export function fromBootstrap<K extends keyof Bootstrap>(context: BuildContext, key: K): NonNullable<Bootstrap[K]> {
  const value = context.bootstrap[key];
  if (value === undefined) throw new SlipwayError(`internal: ${key} is not known yet (kubeadm init has not run)`);
  return value;
}
