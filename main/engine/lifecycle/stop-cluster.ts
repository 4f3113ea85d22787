// Stopping a cluster keeps everything (containers, /var volumes, pinned addresses): workers
// first, then control planes, then the load balancer, each group in parallel.
import { NotFound } from '../../errors.js';
import { runStep } from '../create/pipeline.js';
import type { NodeRecord, Provider } from '../provider.js';
import { settleAll } from '../settle-all.js';
import type { TaskOptions } from '../types.js';

/** Groups in the order they stop; start uses the reverse. */
export function stopOrder(records: readonly NodeRecord[]): NodeRecord[][] {
  const workers = records.filter((node) => node.role === 'worker');
  const controlPlanes = records.filter((node) => node.role === 'control-plane');
  const balancers = records.filter((node) => node.role === 'load-balancer');
  return [workers, controlPlanes, balancers].filter((group) => group.length > 0);
}

/** Stop every container of the cluster. */
export async function stopCluster(provider: Provider, name: string, options: TaskOptions = {}): Promise<void> {
  const records = await provider.listNodes(name);
  if (records.length === 0)
    throw new NotFound(`cluster "${name}" not found`, { hint: 'list clusters with `slipway list`' });
  const step = {
    id: 'stop-nodes',
    title: 'Stopping nodes',
    run: async () => {
      for (const group of stopOrder(records)) await settleAll(group.map((node) => provider.stopNode(node.name)));
    },
  };
  await runStep(step, undefined, { listener: options.onProgress, signal: options.signal });
}
