// The worker role label, which kubelets may not set on themselves (NodeRestriction), so
// `kubectl get nodes` shows a role for every node.
import { ApiException, type CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { sleep } from '../lib/abortable-sleep.js';

export const WORKER_ROLE_LABEL = 'node-role.kubernetes.io/worker';

/** How long a just-joined kubelet may take to register its Node object. */
const REGISTRATION_MS = 120_000;

async function labelWhenRegistered(api: CoreV1Api, name: string, signal?: AbortSignal): Promise<void> {
  const options = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
  const deadline = Date.now() + REGISTRATION_MS;
  for (;;) {
    try {
      await api.patchNode({ name, body: { metadata: { labels: { [WORKER_ROLE_LABEL]: '' } } } }, options);
      return;
    } catch (error) {
      // `kubeadm join` returns before the kubelet has registered its Node.
      if (!(error instanceof ApiException && error.code === 404) || Date.now() > deadline) throw error;
      await sleep(500, signal);
    }
  }
}

/** Merge-patch the worker role label onto each named node, waiting for it to register. */
export async function labelWorkers(api: CoreV1Api, names: readonly string[], signal?: AbortSignal): Promise<void> {
  await Promise.all(names.map((name) => labelWhenRegistered(api, name, signal)));
}
