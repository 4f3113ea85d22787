// Enabling add-ons on a live cluster: everything that can be wrong with the request (bundle,
// parameters, dependencies, conflicts, cluster requirements) is found before anything is
// applied; then images, host operations, inventory, phases, readiness, as named steps.
import type { Engine, TaskOptions } from '../engine/types.js';
import { applyObjects, refOf } from './apply.js';
import { applyHostOperations } from './host-operations.js';
import type { AddonHost } from './host/types.js';
import { unbuiltImageNotes, type ImageOverrides } from './image-overrides.js';
import { readInventories, writeInventory, type Inventory } from './inventory.js';
import { kubeClientsFromKubeconfig, type KubeClients } from './kube-clients.js';
import { loadBundle, type AddonBundle, type BundleSource } from './load-bundle.js';
import { describeOutputs, type AddonOutput } from './outputs.js';
import { resolveParameters, type ParameterValues } from './parameters.js';
import { checkImagesAvailable } from './image-availability.js';
import { checkClusterRequirements, hostPortsOf } from './preflight.js';
import { waitUntilReady } from './readiness.js';
import { renderBundle, type RenderedAddon } from './render.js';
import { resolveInstallOrder } from './resolve.js';
import { runStep } from './steps.js';

/** What add-on operations need: the engine (kubeconfig, recorded spec) and the host. */
export interface AddonContext {
  engine: Pick<Engine, 'kubeconfig' | 'recordedSpec'>;
  host: AddonHost;
  bundles?: BundleSource;
  overrides?: ImageOverrides;
}

export interface AddonRequest {
  name: string;
  params?: ParameterValues;
}

export interface EnableOptions extends TaskOptions {
  /** Wait for readiness (default true); false returns once everything is applied. */
  wait?: boolean;
}

export interface EnableResult {
  name: string;
  version: string;
  params: ParameterValues;
  ready: boolean;
  outputs: AddonOutput[];
}

/** Enable one add-on on a cluster. */
export async function enableAddon(
  context: AddonContext,
  cluster: string,
  request: AddonRequest,
  options: EnableOptions = {},
): Promise<EnableResult> {
  const [result] = await enableAddons(context, cluster, [request], options);
  if (!result) throw new Error('enableAddons returned nothing');
  return result;
}

/** Enable several add-ons (e.g. spec.addons at create time) in dependency order. */
export async function enableAddons(
  context: AddonContext,
  cluster: string,
  requests: readonly AddonRequest[],
  options: EnableOptions = {},
): Promise<EnableResult[]> {
  // Bundles and parameters are checked before the cluster is contacted at all.
  const validated = await validateRequests(context, requests);
  for (const { bundle } of validated) {
    for (const message of unbuiltImageNotes(bundle.name, bundle.document.images, context.overrides ?? {}))
      options.onProgress?.({ kind: 'log', message });
  }
  const clients = kubeClientsFromKubeconfig(await context.engine.kubeconfig(cluster));
  const plan = await planEnable(context, clients, cluster, validated);
  const results: EnableResult[] = [];
  for (const rendered of plan) results.push(await installRendered(context, clients, cluster, rendered, options));
  return results;
}

/** A requested add-on with its bundle loaded and its parameters validated (defaults filled). */
export interface ValidatedRequest {
  bundle: AddonBundle;
  params: ParameterValues;
}

/** Load each requested bundle and validate its parameters; throws SpecInvalid or NotFound. */
export async function validateRequests(
  context: Pick<AddonContext, 'bundles'>,
  requests: readonly AddonRequest[],
): Promise<ValidatedRequest[]> {
  return Promise.all(
    requests.map(async (request) => {
      const bundle = await loadBundle(request.name, context.bundles);
      return { bundle, params: resolveParameters(bundle.name, bundle.document.parameters, request.params ?? {}) };
    }),
  );
}

/** Check dependencies, conflicts and cluster requirements, then render; nothing is applied. */
export async function planEnable(
  context: AddonContext,
  clients: KubeClients,
  cluster: string,
  requests: readonly ValidatedRequest[],
): Promise<RenderedAddon[]> {
  const installed = await readInventories(clients);
  const requestedNames = requests.map((r) => r.bundle.name);
  const installedBundles = await Promise.all(
    installed.filter((inv) => !requestedNames.includes(inv.name)).map((inv) => loadBundle(inv.name, context.bundles)),
  );
  const ordered = resolveInstallOrder({ requested: requests.map((r) => r.bundle), installed: installedBundles });
  const spec = await context.engine.recordedSpec(cluster);
  const enabled = [...installed.map((inv) => inv.name), ...requestedNames];
  return ordered.map((facts) => {
    const request = requests.find((r) => r.bundle.name === facts.name);
    if (!request) throw new Error(`resolveInstallOrder returned unknown add-on ${facts.name}`);
    checkClusterRequirements(request.bundle, cluster, spec);
    return renderBundle({
      bundle: request.bundle,
      params: request.params,
      clusterName: cluster,
      clusterHostPorts: hostPortsOf(spec),
      overrides: context.overrides,
      enabledAddons: enabled,
    });
  });
}

async function installRendered(
  context: AddonContext,
  clients: KubeClients,
  cluster: string,
  rendered: RenderedAddon,
  options: EnableOptions,
): Promise<EnableResult> {
  const step = (id: string, title: string) => ({
    step: `addon-${rendered.name}-${id}`,
    title: `${rendered.name}: ${title}`,
  });
  const objects = rendered.phases.flatMap((phase) => phase.objects.map((object) => refOf(object, phase.name)));
  const inventory: Inventory = {
    name: rendered.name,
    version: rendered.version,
    params: rendered.params,
    state: 'applying',
    objects,
    hostOperations: rendered.hostOperations,
    dataChecks: rendered.dataChecks,
    updatedAt: new Date().toISOString(),
  };
  await runStep(options, step('images', 'load local images into nodes'), () =>
    preloadLocalImages(context, cluster, rendered),
  );
  await runStep(options, step('images-available', 'check images are on the nodes or pullable'), () =>
    checkImagesAvailable({ nodes: context.host.nodes, cluster, addon: rendered.name, images: nodeImages(rendered) }),
  );
  await runStep(options, step('host', 'host operations'), () =>
    applyHostOperations({ host: context.host, cluster, operations: rendered.hostOperations, images: rendered.images }),
  );
  await writeInventory(clients, inventory);
  for (const phase of rendered.phases) {
    await runStep(
      options,
      step(`apply-${phase.name}`, `apply ${phase.name} (${String(phase.objects.length)} objects)`),
      async () => {
        await applyObjects(clients, rendered.name, phase.objects);
        const crds = phase.objects.filter((object) => object.kind === 'CustomResourceDefinition');
        if (crds.length > 0)
          await waitUntilReady(
            { clients, nodes: context.host.nodes, cluster, signal: options.signal },
            crds,
            [],
            60_000,
          );
      },
    );
  }
  const wait = options.wait ?? true;
  if (wait) {
    await runStep(options, step('ready', 'wait until usable'), () =>
      waitUntilReady(
        {
          clients,
          nodes: context.host.nodes,
          cluster,
          signal: options.signal,
          namespaces: namespacesOf(rendered),
          onPending: (pending) =>
            options.onProgress?.({
              kind: 'log',
              step: `addon-${rendered.name}-ready`,
              message: `waiting for ${pending.join('; ')}`,
            }),
        },
        rendered.phases.flatMap((phase) => phase.objects),
        rendered.readiness.checks,
        rendered.readiness.timeoutSeconds * 1000,
      ),
    );
  }
  await writeInventory(clients, {
    ...inventory,
    state: wait ? 'ready' : 'not-ready',
    updatedAt: new Date().toISOString(),
  });
  return {
    name: rendered.name,
    version: rendered.version,
    params: rendered.params,
    ready: wait,
    outputs: describeOutputs(rendered.outputs, cluster),
  };
}

/** Images the override map points at local refs are copied into the nodes (no pulls offline). */
async function preloadLocalImages(context: AddonContext, cluster: string, rendered: RenderedAddon): Promise<void> {
  const local = nodeImages(rendered).filter((ref) => ref.startsWith('localhost/'));
  if (local.length > 0) await context.host.nodes.loadImages(cluster, local);
}

/** The images the add-on's pods run on the nodes (not the ones its host containers use). */
function nodeImages(rendered: RenderedAddon): string[] {
  const hostOnly = new Set(
    rendered.hostOperations.flatMap((operation) =>
      'registryContainer' in operation ? [operation.registryContainer.image] : [],
    ),
  );
  const refs = Object.entries(rendered.images)
    .filter(([key]) => !hostOnly.has(key))
    .map(([, ref]) => ref);
  return [...new Set(refs)].sort();
}

/** The namespaces the add-on's objects live in (where its pods run). */
function namespacesOf(rendered: RenderedAddon): string[] {
  const names = rendered.phases.flatMap((phase) => phase.objects.flatMap((object) => object.metadata.namespace ?? []));
  return [...new Set(names)].sort();
}
