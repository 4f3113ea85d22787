// Packets to a Service address that kube-proxy has not rewritten yet (its rules land a moment
// after the Service) would leave the node by the host's default route. Where the host has an
// intercepting proxy, something there answers, and a client that keeps its connection alive
// (the API server's aggregator, checking an APIService) stays stuck on that stranger: seen as a
// metrics-server APIService that answered 404 forever. Refusing those packets makes clients
// retry until kube-proxy has programmed the address.
//
// One Service is known before kube-proxy runs: `kubernetes`, at the first address of the
// service subnet, backed by the API server. Refusing it too made every in-cluster client's
// first list fail, and client-go's back-off then kept CoreDNS unready for 10-15 s after each
// start. So the guard also routes that address to the API endpoint itself until kube-proxy's
// rules, which it prepends, take over.
//
// A oneshot unit adds the rules at every boot, because a restarted node container gets a fresh
// network namespace.
import { runInNode, writeNodeFile } from './node-exec.js';
import { addressAt } from '../lib/subnet.js';
import type { Provider } from './provider.js';

export const SERVICE_GUARD_UNIT = 'slipway-service-guard.service';

/** Where the nodes reach the API server: the only control plane, or the load balancer. */
export interface ApiEndpoint {
  address: string;
  port: number;
}

/** Connection mark for connections the guard routed, so only those are masqueraded. */
const GUARD_CONNMARK = '0x40000000/0x40000000';

/** kube-apiserver gives the `kubernetes` Service the first address of the service subnet. */
export function kubernetesServiceAddress(serviceSubnet: string): string {
  return addressAt(serviceSubnet, 1);
}

function iptables(table: 'filter' | 'nat', chain: string, rule: string): string {
  return `ExecStart=/usr/sbin/iptables -w -t ${table} -A ${chain} ${rule}`;
}

/** The systemd unit for a cluster's Service CIDR. Rules are appended: kube-proxy's come first. */
export function serviceGuardUnit(serviceSubnet: string, api: ApiEndpoint): string {
  const kubernetes = `-d ${kubernetesServiceAddress(serviceSubnet)}/32 -p tcp --dport 443`;
  const toApi = `-j DNAT --to-destination ${api.address}:${String(api.port)}`;
  return [
    '# Written by Slipway: refuse Service traffic kube-proxy has not rewritten, except the',
    "# API server's own Service, which goes straight to the API endpoint (see the engine docs).",
    '[Unit]',
    'Description=Guard Service addresses until kube-proxy has programmed them',
    'Before=kubelet.service',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    // From this node's own processes (host-network pods, the API server's aggregator).
    iptables('nat', 'OUTPUT', `${kubernetes} ${toApi}`),
    // From pods: marked, so the API server's reply to a pod on another node comes back here
    // even before kube-router has routed that node's pod subnet.
    iptables('nat', 'PREROUTING', `${kubernetes} -j CONNMARK --set-xmark ${GUARD_CONNMARK}`),
    iptables('nat', 'PREROUTING', `${kubernetes} ${toApi}`),
    iptables('nat', 'POSTROUTING', `-m connmark --mark ${GUARD_CONNMARK} -j MASQUERADE`),
    iptables('filter', 'OUTPUT', `-d ${serviceSubnet} -j REJECT`),
    iptables('filter', 'FORWARD', `-d ${serviceSubnet} -j REJECT`),
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/** Install and start the guard in a running node. */
export async function installServiceGuard(
  provider: Provider,
  node: string,
  serviceSubnet: string,
  api: ApiEndpoint,
  signal?: AbortSignal,
): Promise<void> {
  await writeNodeFile(
    provider,
    node,
    `/etc/systemd/system/${SERVICE_GUARD_UNIT}`,
    serviceGuardUnit(serviceSubnet, api),
    signal,
  );
  await runInNode(provider, node, ['systemctl', 'enable', '--now', SERVICE_GUARD_UNIT], { signal });
}
