// Starting a stopped cluster (also after a daemon restart or a reboot): load balancer, then
// control planes, then workers, each group in parallel. Addresses are pinned at creation, so
// nothing inside the nodes needs rewriting; we wait for fresh Ready reports and CoreDNS.
import { HostProblem, NotFound } from '../../errors.js';
import { runStep, runSteps, type Step } from '../create/pipeline.js';
import { hostApi } from '../create/host-api.js';
import { portIsFree } from '../host-ports.js';
import { readFromNode } from '../node-exec.js';
import type { NodeRecord, Provider } from '../provider.js';
import { settleAll } from '../settle-all.js';
import type { StartOptions } from '../types.js';
import { waitForCluster } from '../wait-for-cluster.js';
import { DEFAULT_WAIT_MS } from '../create/create-cluster.js';
import { apiPublisher } from './summarize.js';
import { startOrder } from './stop-cluster.js';
import { Label } from '../labels.js';

/** Host ports of stopped nodes that something else has taken meanwhile. */
async function busyPorts(records: readonly NodeRecord[]): Promise<string[]> {
  const busy: string[] = [];
  for (const node of records.filter((n) => n.state !== 'running')) {
    for (const port of node.ports) {
      const protocol = port.protocol === 'udp' ? 'udp' : 'tcp';
      if (!(await portIsFree(port.hostIp || '0.0.0.0', port.hostPort, protocol)))
        busy.push(`${port.hostIp}:${String(port.hostPort)}/${protocol} (${node.name})`);
    }
  }
  return busy;
}

function startNodesStep(provider: Provider, records: readonly NodeRecord[]): Step<void> {
  return {
    id: 'start-nodes',
    title: 'Starting nodes',
    run: async () => {
      const busy = await busyPorts(records);
      if (busy.length > 0)
        throw new HostProblem(`host port${busy.length > 1 ? 's' : ''} ${busy.join(', ')} in use`, {
          hint: 'stop whatever listens there, then run start again',
        });
      for (const group of startOrder(records)) await settleAll(group.map((node) => provider.startNode(node.name)));
    },
  };
}

function waitStep(
  provider: Provider,
  name: string,
  records: readonly NodeRecord[],
  options: StartOptions,
  since: number,
): Step<void> {
  return {
    id: 'wait-ready',
    title: 'Waiting for nodes Ready and CoreDNS',
    run: async () => {
      const bootstrap =
        records.find((n) => n.role === 'control-plane' && (n.controlPlaneIndex ?? 0) === 0) ??
        records.find((n) => n.role === 'control-plane');
      const publisher = apiPublisher(records)?.ports.find((p) => p.containerPort === 6443);
      if (!bootstrap || !publisher) throw new NotFound(`cluster "${name}" has no control plane publishing its API`);
      const adminConf = await readFromNode(provider, bootstrap.name, ['cat', '/etc/kubernetes/admin.conf'], {
        signal: options.signal,
      });
      const api = hostApi({ name, api: { hostAddress: publisher.hostIp, hostPort: publisher.hostPort } }, adminConf);
      await waitForCluster({
        provider,
        api,
        queryNode: bootstrap.name,
        nodeNames: records.filter((n) => n.role !== 'load-balancer').map((n) => n.name),
        serviceSubnet: serviceSubnetOf(bootstrap),
        deadline: Date.now() + (options.waitTimeoutMs ?? DEFAULT_WAIT_MS),
        fresh: { since, nodes: records.filter((n) => n.state !== 'running').map((n) => n.name) },
        signal: options.signal,
        log: (message) => options.onProgress?.({ kind: 'log', step: 'wait-ready', message }),
      });
    },
  };
}

/** The service subnet recorded in the creation spec (default when absent). */
function serviceSubnetOf(node: NodeRecord): string {
  try {
    const spec = JSON.parse(node.labels[Label.spec] ?? '{}') as { spec?: { networking?: { serviceSubnet?: string } } };
    return spec.spec?.networking?.serviceSubnet ?? '10.96.0.0/16';
  } catch {
    return '10.96.0.0/16';
  }
}

/** Start every container of the cluster and wait until it is ready again. */
export async function startCluster(provider: Provider, name: string, options: StartOptions = {}): Promise<void> {
  const records = await provider.listNodes(name);
  if (records.length === 0)
    throw new NotFound(`cluster "${name}" not found`, { hint: 'list clusters with `slipway list`' });
  const reporter = { listener: options.onProgress, signal: options.signal };
  const since = Date.now();
  await runStep(startNodesStep(provider, records), undefined, reporter);
  if ((options.waitTimeoutMs ?? DEFAULT_WAIT_MS) > 0)
    await runSteps([waitStep(provider, name, records, options, since)], undefined, reporter);
}
