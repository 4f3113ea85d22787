// The spec `export --cluster NAME` exports: what the cluster runs, not only what it was
// created with. The engine fills in the Kubernetes version the nodes run; the add-on list
// comes from the cluster's add-on inventories when its API answers. This is the one part
// of main/export that reads a cluster, so it is not re-exported from index.ts.
import { readInventories } from '../addons/inventory.js';
import { kubeClientsFromKubeconfig } from '../addons/kube-clients.js';
import type { Engine } from '../engine/types.js';
import { NotFound } from '../errors.js';
import type { ClusterSpec } from '../spec/index.js';
import { withRunningAddons, type RunningAddon } from './running-addons.js';

export interface RunningClusterSpec {
  spec: ClusterSpec;
  /** What differs from the creation spec, or why add-ons could not be read, for the user. */
  notes: string[];
}

/** Reads the add-ons a cluster runs from its kubeconfig (the default asks its API). */
export type AddonReader = (kubeconfig: string) => Promise<RunningAddon[]>;

// A cluster whose API does not answer should not hold the export up for long.
const ADDON_READ_TIMEOUT_MS = 10_000;

/** The recorded spec of cluster `name`, with the add-ons it runs now. */
export async function readRunningClusterSpec(
  engine: Pick<Engine, 'recordedSpec' | 'getCluster' | 'kubeconfig'>,
  name: string,
  readAddons: AddonReader = readAddonInventories,
): Promise<RunningClusterSpec> {
  const recorded = await engine.recordedSpec(name);
  if (recorded === undefined) {
    throw new NotFound(`cluster "${name}" has no recorded spec`, { hint: 'export its spec file with -f FILE instead' });
  }
  const fallback = 'the add-ons exported are those it was created with';
  const { state } = await engine.getCluster(name);
  if (state === 'stopped') {
    return {
      spec: recorded,
      notes: [`cluster "${name}" is ${state}, so ${fallback}; start it to export the add-ons it runs`],
    };
  }
  let running: RunningAddon[];
  try {
    running = await withTimeout(readAddons(await engine.kubeconfig(name)), ADDON_READ_TIMEOUT_MS);
  } catch (error) {
    return {
      spec: recorded,
      notes: [`cannot read the add-ons of cluster "${name}" (${(error as Error).message}), so ${fallback}`],
    };
  }
  const merged = withRunningAddons(recorded, running);
  return { spec: merged.spec, notes: mergeNotes(merged) };
}

function mergeNotes(merged: ReturnType<typeof withRunningAddons>): string[] {
  return [
    ...(merged.added.length > 0 ? [`add-ons enabled after creation are exported too: ${merged.added.join(', ')}`] : []),
    ...(merged.removed.length > 0
      ? [`add-ons of the creation spec that the cluster does not run are left out: ${merged.removed.join(', ')}`]
      : []),
    ...(merged.unknown.length > 0
      ? [`add-on bundles that are not Slipway's own are left out: ${merged.unknown.join(', ')}`]
      : []),
  ];
}

async function readAddonInventories(kubeconfig: string): Promise<RunningAddon[]> {
  const inventories = await readInventories(kubeClientsFromKubeconfig(kubeconfig));
  return inventories.map((inventory) => ({ name: inventory.name, params: inventory.params }));
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${String(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
