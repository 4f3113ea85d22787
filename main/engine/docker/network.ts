// The cluster's own bridge network with a fixed IPAM subnet, so nodes keep static addresses
// and resolve each other by name through Docker's embedded DNS.
import type Docker from 'dockerode';
import { networkInterfaces } from 'node:os';
import { parseIpv4 } from '../../lib/cidr.js';
import { Label } from '../labels.js';
import { formatIpv4 } from '../../lib/subnet.js';
import type { NetworkPlan } from '../plan/types.js';
import { SubnetOverlap } from '../provider.js';
import { dockerMessage, isNotFound } from './errors.js';

/** IPv4 ranges of every engine network and host interface. */
export async function subnetsInUse(docker: Docker): Promise<string[]> {
  const networks = await docker.listNetworks();
  const fromDocker = networks
    .flatMap((n) => (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? ''))
    .filter((s) => s.includes('.'));
  const fromHost = Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && i.cidr ? [i.cidr] : []));
  return [...fromDocker, ...fromHost.map(networkOf)];
}

/** 10.1.2.3/16 → 10.1.0.0/16 */
function networkOf(cidr: string): string {
  const [address = '', prefixText = '32'] = cidr.split('/');
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  return `${formatIpv4(Math.floor((parseIpv4(address) ?? 0) / size) * size)}/${String(prefix)}`;
}

/** MTU of the default bridge, so nested traffic is not fragmented on hosts with a small MTU. */
async function defaultMtu(docker: Docker): Promise<string | undefined> {
  try {
    const bridge = await docker.getNetwork('bridge').inspect();
    return (bridge as { Options?: Record<string, string> }).Options?.['com.docker.network.driver.mtu'];
  } catch {
    return undefined;
  }
}

export async function createNetwork(docker: Docker, cluster: string, plan: NetworkPlan): Promise<void> {
  const mtu = await defaultMtu(docker);
  try {
    await docker.createNetwork({
      Name: plan.name,
      Driver: 'bridge',
      CheckDuplicate: true,
      Labels: { [Label.cluster]: cluster },
      IPAM: { Driver: 'default', Config: [{ Subnet: plan.subnet, Gateway: plan.gateway, IPRange: plan.ipRange }] },
      Options: {
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        ...(mtu ? { 'com.docker.network.driver.mtu': mtu } : {}),
      },
    });
  } catch (error) {
    if (/overlap/i.test(dockerMessage(error))) throw new SubnetOverlap(dockerMessage(error), { cause: error });
    throw error;
  }
}

/** Remove every network labelled with the cluster (normally one). */
export async function deleteNetworks(docker: Docker, cluster: string): Promise<void> {
  const networks = await docker.listNetworks({ filters: { label: [`${Label.cluster}=${cluster}`] } });
  for (const network of networks) {
    try {
      await disconnectOthers(docker, network.Id);
      await docker.getNetwork(network.Id).remove();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

/**
 * Containers that are not the cluster's may still be attached, such as the shared host
 * registry the registry add-on connects to every cluster's network; Docker refuses to remove
 * a network with endpoints, so they are disconnected (and otherwise left alone) first.
 */
async function disconnectOthers(docker: Docker, networkId: string): Promise<void> {
  const network = docker.getNetwork(networkId);
  const info = (await network.inspect()) as { Containers?: Record<string, unknown> };
  for (const container of Object.keys(info.Containers ?? {})) {
    await network.disconnect({ Container: container, Force: true }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
}

/** Cluster names that own a network. */
export async function networkClusters(docker: Docker): Promise<string[]> {
  const networks = await docker.listNetworks({ filters: { label: [Label.cluster] } });
  return [...new Set(networks.map((n) => n.Labels?.[Label.cluster] ?? '').filter((name) => name !== ''))];
}
