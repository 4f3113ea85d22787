// Measurements for bench/engine.ts: the raw kubeadm init floor, timed creates with their step
// breakdown, stop/start, and idle CPU and memory of a cluster's containers (docker stats).
import Docker from 'dockerode';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerProvider } from '../main/engine/docker/provider.js';
import { pickFreePort } from '../main/engine/host-ports.js';
import { kubeadmInitConfig, serializeDocuments } from '../main/engine/kubeadm/config.js';
import { parseKubeVersion } from '../main/engine/kubeadm/version.js';
import { removeCluster } from '../main/engine/lifecycle/remove-cluster.js';
import { runInNode, writeNodeFile } from '../main/engine/node-exec.js';
import { planCluster } from '../main/engine/plan/plan-cluster.js';
import { chooseSubnet } from '../main/lib/subnet.js';
import { bootstrapNode } from '../main/engine/plan/types.js';
import type { Engine, ProgressEvent } from '../main/engine/types.js';
import { clusterSpecSchema, type ClusterSpec } from '../main/spec/index.js';
import { DEFAULT_RELEASE, hermeticImageOf } from '../main/spec/releases.js';

/** The default release's hermetic image (docs/releases.md). */
export const IMAGE = hermeticImageOf(DEFAULT_RELEASE);
const docker = new Docker();

export function specOf(name: string, controlPlanes: number, workers: number): ClusterSpec {
  return clusterSpecSchema.parse({
    apiVersion: 'slipway.dev/v1alpha1',
    kind: 'Cluster',
    metadata: { name },
    spec: {
      nodeImage: IMAGE,
      controlPlane: { replicas: controlPlanes },
      workers: workers > 0 ? [{ name: 'workers', replicas: workers }] : [],
    },
  });
}

/** Seconds of `kubeadm init` alone in a booted node of the same image (no CNI, no waiting). */
export async function kubeadmFloor(name: string): Promise<number> {
  const provider = new DockerProvider(docker);
  const spec = specOf(name, 1, 0);
  const subnet = chooseSubnet(name, await provider.subnetsInUse()) ?? '172.30.0.0/24';
  const plan = planCluster(spec, { subnet, apiServerPort: await pickFreePort('127.0.0.1') });
  const node = bootstrapNode(plan);
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'slipway-bench-')), 'kubeconfig');
  try {
    await provider.createNetwork(name, plan.network);
    const security = await provider.probeSecurity(IMAGE);
    await provider.provisionNode(plan, node, { image: IMAGE, security, labels: {} });
    const version = parseKubeVersion(DEFAULT_RELEASE.patch);
    if (!version) throw new Error('version');
    const docs = kubeadmInitConfig({
      plan,
      node,
      version,
      token: 'abcdef.0123456789abcdef',
      cgroupVersion: (await provider.hostInfo()).cgroupVersion,
    });
    await writeNodeFile(provider, node.name, '/kind/kubeadm.conf', serializeDocuments(docs));
    const started = performance.now();
    await runInNode(provider, node.name, ['kubeadm', 'init', '--config=/kind/kubeadm.conf', '--skip-token-print']);
    return (performance.now() - started) / 1000;
  } finally {
    await removeCluster(provider, name, kubeconfig);
  }
}

export interface TimedCreate {
  seconds: number;
  steps: Record<string, number>;
}

/** Create and time it to "CoreDNS answers" (the engine's wait-ready ends there). */
export async function timedCreate(engine: Engine, spec: ClusterSpec): Promise<TimedCreate> {
  const steps: Record<string, number> = {};
  const onProgress = (event: ProgressEvent) => {
    if (event.kind === 'step-end') steps[event.step] = event.durationMs / 1000;
  };
  const started = performance.now();
  await engine.createCluster(spec, { onProgress });
  return { seconds: (performance.now() - started) / 1000, steps };
}

/** Seconds a call takes. */
export async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return (performance.now() - started) / 1000;
}

interface StatsSample {
  cpuNs: number;
  memoryBytes: number;
}

async function sample(id: string): Promise<StatsSample> {
  const stats = (await docker.getContainer(id).stats({ stream: false })) as unknown as {
    cpu_stats: { cpu_usage: { total_usage: number } };
    memory_stats: { usage?: number; stats?: { cache?: number; total_inactive_file?: number; inactive_file?: number } };
  };
  const memory = stats.memory_stats;
  // Like `docker stats`: usage minus page cache.
  const cache = memory.stats?.total_inactive_file ?? memory.stats?.inactive_file ?? memory.stats?.cache ?? 0;
  return { cpuNs: stats.cpu_stats.cpu_usage.total_usage, memoryBytes: (memory.usage ?? 0) - cache };
}

/** Memory (sum, at the end) and CPU (sum, percent of one core) of a cluster over `seconds`. */
export async function idleUsage(cluster: string, seconds: number): Promise<{ memoryGiB: number; cpuPercent: number }> {
  const containers = await docker.listContainers({ filters: { label: [`dev.slipway.cluster=${cluster}`] } });
  const first = await Promise.all(containers.map((c) => sample(c.Id)));
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const last = await Promise.all(containers.map((c) => sample(c.Id)));
  const elapsedNs = (performance.now() - started) * 1e6;
  const cpuNs = last.reduce((sum, s, i) => sum + s.cpuNs - (first[i]?.cpuNs ?? 0), 0);
  const memory = last.reduce((sum, s) => sum + s.memoryBytes, 0);
  return { memoryGiB: memory / 2 ** 30, cpuPercent: (cpuNs / elapsedNs) * 100 };
}
