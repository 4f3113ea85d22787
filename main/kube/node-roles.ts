// The worker role label, which kubelets may not set on themselves (NodeRestriction), so
// `kubectl get nodes` shows a role for every node.
import { type CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';

export const WORKER_ROLE_LABEL = 'node-role.kubernetes.io/worker';

/** Merge-patch the worker role label onto each named node. */
export async function labelWorkers(api: CoreV1Api, names: readonly string[]): Promise<void> {
  const options = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
  await Promise.all(
    names.map((name) => api.patchNode({ name, body: { metadata: { labels: { [WORKER_ROLE_LABEL]: '' } } } }, options)),
  );
}
