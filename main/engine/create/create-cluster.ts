// `createCluster`: preflight, then the build steps in order (kind's create.go). On failure or
// cancellation everything made is removed unless `retain` is set.
import type { ClusterSpec } from '../../spec/index.js';
import { newBootstrapToken } from '../kubeadm/token.js';
import { removeCluster } from '../lifecycle/remove-cluster.js';
import type { ClusterPlan } from '../plan/types.js';
import type { Provider } from '../provider.js';
import type { CreateOptions, ProgressEvent, SpecAddonHooks } from '../types.js';
import type { BuildContext } from './context.js';
import { exportKubeconfigStep } from './export-kubeconfig.js';
import { installCniStep } from './install-cni.js';
import { installStorageStep } from './install-storage.js';
import { joinNodesStep } from './join-nodes.js';
import { kubeadmInitStep } from './kubeadm-init.js';
import { loadBalancerStep } from './load-balancer.js';
import { createNetworkStep } from './network.js';
import { runStep, runSteps, type Reporter, type Step } from './pipeline.js';
import { preflight } from './preflight.js';
import { provisionNodesStep } from './provision-nodes.js';
import { waitReadyStep } from './wait-ready.js';

export const DEFAULT_WAIT_MS = 5 * 60_000;

export interface CreateDependencies {
  provider: Provider;
  kubeconfigPath: string;
  /** Checks spec.addons at preflight; a spec with add-ons is refused without them. */
  specAddons?: SpecAddonHooks;
  now?: () => Date;
}

/** The build steps for a plan, in order (the load balancer only for HA). */
export function buildSteps(plan: ClusterPlan): Step<BuildContext>[] {
  return [
    createNetworkStep,
    provisionNodesStep,
    ...(plan.loadBalancer ? [loadBalancerStep] : []),
    kubeadmInitStep,
    installCniStep,
    installStorageStep,
    joinNodesStep,
    waitReadyStep,
    exportKubeconfigStep,
  ];
}

function reporterFor(
  options: CreateOptions,
  signal: AbortSignal,
): { reporter: Reporter; log: (message: string) => void } {
  let current: string | undefined;
  const listener = (event: ProgressEvent) => {
    if (event.kind === 'step-start') current = event.step;
    options.onProgress?.(event);
  };
  const log = (message: string) => options.onProgress?.({ kind: 'log', step: current, message });
  return { reporter: { listener, signal }, log };
}

async function cleanUp(
  deps: CreateDependencies,
  cluster: string,
  options: CreateOptions,
  log: (message: string) => void,
): Promise<void> {
  if (options.retain) {
    log(`keeping what was made for debugging (--retain); remove it with \`slipway delete ${cluster}\``);
    return;
  }
  const cleanup: Step<void> = {
    id: 'cleanup',
    title: 'Removing what was made',
    run: () => removeCluster(deps.provider, cluster, deps.kubeconfigPath).then(() => undefined),
  };
  // Not cancellable: this is what cancellation asked for.
  await runStep(cleanup, undefined, { listener: options.onProgress }).catch((error: unknown) => {
    log(`cleanup failed (${(error as Error).message}); remove leftovers with \`slipway delete ${cluster}\``);
  });
}

/** Create a cluster and return its plan once it is ready. */
export async function createCluster(
  spec: ClusterSpec,
  options: CreateOptions,
  deps: CreateDependencies,
): Promise<ClusterPlan> {
  const signal = options.signal ?? new AbortController().signal;
  const { reporter, log } = reporterFor(options, signal);
  const now = deps.now ?? (() => new Date());
  const prepared = await runStep(
    preflight,
    { spec, options, provider: deps.provider, specAddons: deps.specAddons, signal, log, now },
    reporter,
  );
  const context: BuildContext = {
    ...prepared,
    provider: deps.provider,
    signal,
    log,
    token: newBootstrapToken(),
    waitTimeoutMs: options.waitTimeoutMs ?? DEFAULT_WAIT_MS,
    kubeconfigPath: deps.kubeconfigPath,
    bootstrap: {},
  };
  try {
    await runSteps(buildSteps(prepared.plan), context, reporter);
  } catch (error) {
    await cleanUp(deps, prepared.plan.name, options, log);
    throw error;
  }
  return context.plan;
}
