// Preflight refusals, each naming what to change: taken names, busy ports, too little disk,
// a spec the engine cannot plan or whose add-ons their bundles refuse, a node image of the
// wrong version.
import { statfs } from 'node:fs/promises';
import { Conflict, HostProblem, SlipwayError, SpecInvalid, type Problem } from '../../errors.js';
import type { ClusterSpec } from '../../spec/index.js';
import { portIsFree } from '../host-ports.js';
import { type KubeVersion } from '../kubeadm/version.js';
import { RELEASES, hasEnded, lookUpRelease, satisfies, supportedReleasesText } from '../../spec/releases.js';
import { planProblems } from '../plan/problems.js';
import type { ClusterPlan } from '../plan/types.js';
import { allNodes } from '../plan/types.js';
import type { Provider } from '../provider.js';
import type { SpecAddonHooks } from '../types.js';

/** Engine-level spec problems (node names, reserved pools, capacity) as SpecInvalid. */
export function assertPlannable(spec: ClusterSpec): void {
  const problems = planProblems(spec);
  if (problems.length > 0) throw new SpecInvalid(problems, { source: `cluster "${spec.metadata.name}"` });
}

/** Refuse spec.addons that their bundles would refuse (parameters, host port mappings) before any container exists. */
export async function assertAddonsInstallable(spec: ClusterSpec, hooks: SpecAddonHooks | undefined): Promise<void> {
  if (spec.spec.addons.length === 0) return;
  if (!hooks) {
    throw new SlipwayError(
      `cluster "${spec.metadata.name}" asks for add-ons, but this engine was built without add-on support`,
      {
        hint: 'build the engine with the add-on hooks (main/addons/engine-hooks.ts) or drop spec.addons',
      },
    );
  }
  await hooks.check(spec);
}

/** Refuse a name some cluster (or any container) already uses. */
export async function assertNameFree(provider: Provider, plan: ClusterPlan): Promise<void> {
  const name = plan.name;
  const owned = await provider.listNodes(name);
  const networks = await provider.listNetworkClusters();
  if (owned.length > 0 || networks.includes(name)) {
    throw new Conflict(`cluster "${name}" already exists`, {
      hint: `delete it first (slipway delete ${name}) or choose another name with --name`,
    });
  }
  const clashes = await provider.existingContainers(allNodes(plan).map((node) => node.name));
  if (clashes.length > 0) {
    throw new Conflict(
      `container name${clashes.length > 1 ? 's' : ''} ${clashes.join(', ')} already in use by other containers`,
      {
        hint: 'choose another cluster name with --name, or remove those containers',
      },
    );
  }
}

/** Refuse host ports that are already bound (API port and port mappings). */
export async function assertPortsFree(spec: ClusterSpec): Promise<void> {
  const problems: Problem[] = [];
  const { apiServerAddress, apiServerPort } = spec.spec.networking;
  if (apiServerPort !== 0 && !(await portIsFree(apiServerAddress, apiServerPort))) {
    problems.push({
      path: 'spec.networking.apiServerPort',
      message: `host port ${String(apiServerPort)} on ${apiServerAddress} is in use; choose another or 0 for any free port`,
    });
  }
  for (const [index, mapping] of spec.spec.portMappings.entries()) {
    const protocol = mapping.protocol === 'UDP' ? 'udp' : 'tcp';
    if (!(await portIsFree(mapping.listenAddress, mapping.hostPort, protocol))) {
      problems.push({
        path: `spec.portMappings[${String(index)}].hostPort`,
        message: `host port ${String(mapping.hostPort)}/${mapping.protocol} on ${mapping.listenAddress} is in use; free it or map another port`,
      });
    }
  }
  if (problems.length > 0) {
    const first = problems[0]?.message ?? '';
    throw new Conflict(
      problems.length === 1
        ? first
        : `${String(problems.length)} host ports are in use: ${problems.map((p) => p.path).join(', ')}`,
      {
        hint: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      },
    );
  }
}

const GiB = 2 ** 30;

/** Free bytes the engine's data root needs: the nodes' /var volumes copy the preloaded images. */
export function requiredFreeBytes(nodeCount: number): number {
  return 2 * GiB + nodeCount * GiB;
}

/** Refuse when the engine's data root (or, if unknown, the home disk) is too full. */
export async function assertDiskSpace(
  dataRoot: string | undefined,
  nodeCount: number,
  measure = freeBytes,
): Promise<void> {
  if (!dataRoot) return;
  const free = await measure(dataRoot).catch(() => undefined);
  if (free === undefined) return; // a remote engine: nothing to measure here
  const needed = requiredFreeBytes(nodeCount);
  if (free < needed) {
    throw new HostProblem(
      `only ${(free / GiB).toFixed(1)} GiB free in ${dataRoot}; ${String(nodeCount)} nodes need about ${(needed / GiB).toFixed(0)} GiB`,
      {
        hint: 'free disk space (docker system prune, delete unused clusters) or create fewer nodes',
      },
    );
  }
}

async function freeBytes(path: string): Promise<number> {
  const stats = await statfs(path);
  return stats.bavail * stats.bsize;
}

/** Refuse an image whose Kubernetes version the spec did not ask for, or that is retired. */
export function assertVersion(spec: ClusterSpec, image: string, version: KubeVersion, today: Date): void {
  const wanted = spec.spec.kubernetesVersion;
  const found = lookUpRelease(wanted);
  if (wanted && found.ok && !satisfies(found.request, version.raw)) {
    throw new SpecInvalid([
      {
        path: 'spec.kubernetesVersion',
        message: `asks for ${wanted} but node image ${image} carries ${version.raw} (its /kind/version); pass a ${wanted} node image with --image or change the field`,
      },
    ]);
  }
  const release = RELEASES.find((r) => version.raw.startsWith(`v${r.minor}.`));
  if (!release) {
    throw new SpecInvalid([
      {
        path: wanted ? 'spec.kubernetesVersion' : 'spec.nodeImage',
        message: `${image} carries Kubernetes ${version.raw}, which is not a supported release; supported releases: ${supportedReleasesText()}`,
      },
    ]);
  }
  if (hasEnded(release, today)) {
    throw new SpecInvalid([
      {
        path: wanted ? 'spec.kubernetesVersion' : 'spec.nodeImage',
        message: `Kubernetes ${release.minor} reached end of life on ${release.endOfLife}; supported releases: ${RELEASES.filter(
          (r) => !hasEnded(r, today),
        )
          .map((r) => `v${r.minor}`)
          .join(', ')}`,
      },
    ]);
  }
}
