// Disabling an add-on removes exactly what its inventory records: objects last-applied-first,
// then the host operations. Data (PersistentVolumes of its driver, custom resources of its
// CRDs, the registry's volume) is never deleted without confirmation.
import { Conflict, NotFound } from '../errors.js';
import type { TaskOptions } from '../engine/types.js';
import { anyExists, deleteObjects } from './apply.js';
import type { AddonContext } from './enable.js';
import { undoHostOperations } from './host-operations.js';
import { deleteInventory, readInventories, type Inventory } from './inventory.js';
import { kubeClientsFromKubeconfig, type KubeClients } from './kube-clients.js';
import { deleteCustomResources, deleteDriverVolumes, findData } from './data-checks.js';
import { loadBundle } from './load-bundle.js';
import { runStep } from './steps.js';

export interface DisableOptions extends TaskOptions {
  /** Delete data the add-on holds (volumes, custom resources) without asking. */
  yes?: boolean;
  /** Disable but keep the data (the registry volume stays; PVs and custom resources stay). */
  keepData?: boolean;
}

/** Disable one add-on; throws Conflict (exit 2) when data would be lost without --yes. */
export async function disableAddon(
  context: AddonContext,
  cluster: string,
  addon: string,
  options: DisableOptions = {},
): Promise<void> {
  const clients = kubeClientsFromKubeconfig(await context.engine.kubeconfig(cluster));
  const inventories = await readInventories(clients);
  const inventory = inventories.find((inv) => inv.name === addon);
  if (!inventory)
    throw new NotFound(`add-on "${addon}" is not enabled on cluster "${cluster}"`, {
      hint: `see what is enabled with slipway addons list ${cluster}`,
    });
  await refuseWhenRequired(context, inventories, addon);
  const data = options.keepData ? [] : await findData(clients, context.host, inventory);
  if (data.length > 0 && !options.yes) {
    throw new Conflict(`add-on "${addon}" holds data: ${data.join('; ')}`, {
      hint: `pass --yes to delete it with the add-on, or --keep-data to disable and keep it`,
    });
  }
  const step = (id: string, title: string) => ({ step: `addon-${addon}-${id}`, title: `${addon}: ${title}` });
  const keep = options.keepData ? keptRefs(inventory) : new Set<string>();
  const refs = inventory.objects.filter((ref) => !keep.has(refKey(ref)));
  if (options.yes && !options.keepData) {
    await runStep(options, step('custom-resources', 'delete custom resources of its CRDs'), () =>
      deleteCustomResources(clients, inventory, { signal: options.signal }),
    );
    await runStep(options, step('volumes', 'delete volumes of its driver'), () =>
      deleteDriverVolumes(clients, inventory, options.signal),
    );
  }
  await runStep(options, step('delete', `delete ${String(refs.length)} objects`), () =>
    deleteAndWait(clients, refs, options.signal),
  );
  await runStep(options, step('host', 'undo host operations'), () =>
    undoHostOperations({
      host: context.host,
      cluster,
      operations: inventory.hostOperations,
      removeData: !options.keepData && (options.yes === true || data.length === 0),
    }),
  );
  await deleteInventory(clients, addon);
}

async function refuseWhenRequired(
  context: AddonContext,
  inventories: readonly Inventory[],
  addon: string,
): Promise<void> {
  for (const other of inventories.filter((inv) => inv.name !== addon)) {
    const bundle = await loadBundle(other.name, context.bundles).catch(() => undefined);
    const needs = bundle?.document.requires.some((r) => r.addon === addon && !r.optional);
    if (needs)
      throw new Conflict(`add-on "${other.name}" requires "${addon}"`, { hint: `disable ${other.name} first` });
  }
}

/** With --keep-data, CRDs stay so the custom resources (the data) survive. */
function keptRefs(inventory: Inventory): Set<string> {
  return new Set(inventory.objects.filter((ref) => ref.kind === 'CustomResourceDefinition').map(refKey));
}

function refKey(ref: { kind: string; namespace?: string; name: string }): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

async function deleteAndWait(clients: KubeClients, refs: Inventory['objects'], signal?: AbortSignal): Promise<void> {
  await deleteObjects(clients, refs);
  // Namespaces terminate asynchronously; wait so that enabling again right away works.
  const namespaces = refs.filter((ref) => ref.kind === 'Namespace');
  const deadline = Date.now() + 120_000;
  while (namespaces.length > 0 && (await anyExists(clients, namespaces)) && Date.now() < deadline && !signal?.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
