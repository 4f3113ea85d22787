// "Ready" for a cluster means every node reports Ready and CoreDNS answers a query for the
// kubernetes Service. Create and start both end here.
import type { CoreV1Api } from '@kubernetes/client-node';
import { randomInt } from 'node:crypto';
import { SlipwayError } from '../errors.js';
import { buildDnsQuery, clusterDnsAddress, dnsProbeScript, parseDnsAnswer } from '../kube/dns-query.js';
import { waitForNodesReady } from '../kube/node-readiness.js';
import { sleep } from '../lib/abortable-sleep.js';
import type { Provider } from './provider.js';

export interface ClusterWait {
  provider: Provider;
  api: CoreV1Api;
  /** A control-plane node to query DNS from. */
  queryNode: string;
  nodeNames: readonly string[];
  serviceSubnet: string;
  deadline: number;
  /** Nodes just started, whose Ready report must be newer than `since`. */
  fresh?: { since: number; nodes: readonly string[] };
  signal?: AbortSignal;
  log?: (message: string) => void;
}

/** One DNS query for kubernetes.default from inside a node; the answer's addresses, or why not. */
export async function queryClusterDns(
  provider: Provider,
  node: string,
  serviceSubnet: string,
  signal?: AbortSignal,
): Promise<{ ok: boolean; detail: string }> {
  const id = randomInt(65536);
  const address = clusterDnsAddress(serviceSubnet);
  const result = await provider.exec(node, ['bash', '-c', dnsProbeScript(address)], {
    stdin: buildDnsQuery('kubernetes.default.svc.cluster.local', id),
    signal,
  });
  if (result.exitCode !== 0 || result.stdout.length === 0) return { ok: false, detail: `no answer from ${address}` };
  try {
    const answer = parseDnsAnswer(result.stdout);
    const ok = answer.id === id && answer.rcode === 0 && answer.addresses.length > 0;
    return { ok, detail: ok ? answer.addresses.join(', ') : `rcode ${String(answer.rcode)} from ${address}` };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

async function waitForDns(wait: ClusterWait): Promise<void> {
  let last = '';
  while (Date.now() < wait.deadline) {
    const answer = await queryClusterDns(wait.provider, wait.queryNode, wait.serviceSubnet, wait.signal);
    if (answer.ok) return;
    last = answer.detail;
    await sleep(250, wait.signal);
  }
  throw new SlipwayError(`CoreDNS did not answer in time (${last})`, { hint: 'collect logs with `slipway logs NAME`' });
}

/** Wait for nodes Ready, then for CoreDNS answering. */
export async function waitForCluster(wait: ClusterWait): Promise<void> {
  await waitForNodesReady(wait.api, wait.nodeNames, {
    deadline: wait.deadline,
    fresh: wait.fresh,
    signal: wait.signal,
  });
  wait.log?.(`${String(wait.nodeNames.length)} node${wait.nodeNames.length === 1 ? '' : 's'} Ready`);
  await waitForDns(wait);
  wait.log?.('CoreDNS answers');
}
