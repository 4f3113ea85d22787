// Packets to a Service address that kube-proxy has not rewritten yet (its rules land a moment
// after the Service) would leave the node by the host's default route. Where the host has an
// intercepting proxy, something there answers, and a client that keeps its connection alive
// (the API server's aggregator, checking an APIService) stays stuck on that stranger: seen as a
// metrics-server APIService that answered 404 forever. Refusing those packets makes clients
// retry until kube-proxy has programmed the address. A oneshot unit adds the rules at every
// boot, because a restarted node container gets a fresh network namespace.
import { runInNode, writeNodeFile } from './node-exec.js';
import type { Provider } from './provider.js';

export const SERVICE_GUARD_UNIT = 'slipway-service-guard.service';

/** The systemd unit for a cluster's Service CIDR. Rules are appended: kube-proxy's come first. */
export function serviceGuardUnit(serviceSubnet: string): string {
  const rule = (chain: string) => `ExecStart=/usr/sbin/iptables -w -A ${chain} -d ${serviceSubnet} -j REJECT`;
  return [
    '# Written by Slipway: refuse Service traffic kube-proxy has not rewritten (see the engine docs).',
    '[Unit]',
    'Description=Refuse traffic to Service addresses not yet programmed by kube-proxy',
    'Before=kubelet.service',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    rule('OUTPUT'),
    rule('FORWARD'),
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
  signal?: AbortSignal,
): Promise<void> {
  await writeNodeFile(
    provider,
    node,
    `/etc/systemd/system/${SERVICE_GUARD_UNIT}`,
    serviceGuardUnit(serviceSubnet),
    signal,
  );
  await runInNode(provider, node, ['systemctl', 'enable', '--now', SERVICE_GUARD_UNIT], { signal });
}
