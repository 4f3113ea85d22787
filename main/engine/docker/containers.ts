// Finding a cluster's containers by label and reading them back as NodeRecords.
import type Docker from 'dockerode';
import { Label } from '../labels.js';
import type { NodeRecord } from '../provider.js';
import type { NodeRole, NodeState } from '../types.js';
import { isNotFound } from './errors.js';

function nodeState(status: string | undefined): NodeState {
  if (status === 'running') return 'running';
  if (status === 'restarting') return 'restarting';
  return 'stopped';
}

function role(value: string | undefined): NodeRole {
  return value === 'control-plane' || value === 'load-balancer' ? value : 'worker';
}

type Bindings = Record<string, { HostIp?: string; HostPort?: string }[] | null> | undefined;

function ports(bindings: Bindings): NodeRecord['ports'] {
  return Object.entries(bindings ?? {}).flatMap(([key, list]) => {
    const [port = '0', protocol = 'tcp'] = key.split('/');
    return (list ?? []).map((b) => ({
      hostIp: b.HostIp ?? '',
      hostPort: Number(b.HostPort),
      containerPort: Number(port),
      protocol,
    }));
  });
}

/** A NodeRecord from `docker inspect` (port bindings come from the creation config). */
export function recordFromInspect(info: Docker.ContainerInspectInfo): NodeRecord {
  const labels = info.Config.Labels;
  const index = labels[Label.controlPlaneIndex];
  return {
    name: info.Name.replace(/^\//, ''),
    cluster: labels[Label.cluster] ?? '',
    role: role(labels[Label.role]),
    pool: labels[Label.pool],
    state: nodeState(info.State.Status),
    ipv4: labels[Label.ipv4],
    controlPlaneIndex: index === undefined ? undefined : Number(index),
    labels,
    ports: ports(info.HostConfig.PortBindings as Bindings),
    image: info.Config.Image,
  };
}

/** Every container carrying the cluster label (of one cluster, or of all). */
export async function listClusterContainers(docker: Docker, cluster?: string): Promise<NodeRecord[]> {
  const label = cluster === undefined ? Label.cluster : `${Label.cluster}=${cluster}`;
  const found = await docker.listContainers({ all: true, filters: { label: [label] } });
  const records: NodeRecord[] = [];
  for (const summary of found) {
    try {
      records.push(recordFromInspect(await docker.getContainer(summary.Id).inspect()));
    } catch (error) {
      if (!isNotFound(error)) throw error; // removed between list and inspect
    }
  }
  return records.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** Which of these names are taken by any container at all. */
export async function existingContainerNames(docker: Docker, names: readonly string[]): Promise<string[]> {
  const all = await docker.listContainers({ all: true });
  const taken = new Set(all.flatMap((c) => c.Names.map((n) => n.replace(/^\//, ''))));
  return names.filter((name) => taken.has(name));
}

/** Force-remove containers and their anonymous volumes (the /var volume). */
export async function removeContainers(docker: Docker, names: readonly string[]): Promise<void> {
  await Promise.all(
    names.map(async (name) => {
      try {
        await docker.getContainer(name).remove({ force: true, v: true });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }),
  );
}
