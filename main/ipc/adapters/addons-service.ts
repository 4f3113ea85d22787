// The add-on bundles module (main/addons) behind the app's AddonsService: the catalogue with
// each bundle's parameter JSON Schema, per-cluster state and outputs, enable and disable as
// tasks, and outputs revealed on request (login tokens minted, port-forwards opened).
import {
  addonStatuses,
  describeOutputs,
  disableAddon,
  enableAddon,
  forwardServicePort,
  listBundles,
  loadBundle,
  mintServiceAccountToken,
  renderBundle,
  type AddonBundle,
  type AddonContext,
  type AddonOutput as BundleOutput,
  type OpenPortForward,
} from '../../addons/index.js';
import { readInventories } from '../../addons/inventory.js';
import { kubeClientsFromKubeconfig, type KubeClients } from '../../addons/kube-clients.js';
import { NotFound } from '../../errors.js';
import type { AddonCatalogEntry, AddonOutput, AddonState, AddonsService, RevealedOutput } from '../feature-services.js';

/** A catalogue entry from a loaded bundle. */
export function catalogEntry(bundle: AddonBundle): AddonCatalogEntry {
  const { metadata, parameters, requires, conflicts } = bundle.document;
  return {
    name: bundle.name,
    title: metadata.displayName,
    version: metadata.version,
    description: metadata.description,
    paramsSchema: { ...parameters },
    requires: requires.flatMap((requirement) =>
      requirement.optional ? [] : [requirement.addon ?? requirement.capability ?? ''],
    ),
    conflicts: [...conflicts],
  };
}

/** An output of the bundles module as the UI shows it. */
export function toUiOutput(output: BundleOutput): AddonOutput {
  const kind = output.kind === 'value' ? 'text' : output.kind;
  const value =
    output.kind === 'token'
      ? 'mint a short-lived login token'
      : output.kind === 'port-forward'
        ? 'open through a local port-forward'
        : output.value;
  return { name: output.name, title: output.description, kind, value, secret: output.kind === 'token' };
}

/** AddonsService over main/addons for one add-on context (engine and host access). */
export function createAddonsService(context: AddonContext): AddonsService {
  const forwards = new Map<string, OpenPortForward>();

  async function rendered(clients: KubeClients, cluster: string, addon: string) {
    const inventories = await readInventories(clients);
    const inventory = inventories.find((candidate) => candidate.name === addon);
    if (!inventory) throw new NotFound(`add-on ${addon} is not enabled on cluster ${cluster}`);
    const bundle = await loadBundle(addon, context.bundles);
    const enabledAddons = inventories.map((candidate) => candidate.name);
    return renderBundle({
      bundle,
      params: inventory.params,
      clusterName: cluster,
      enabledAddons,
      overrides: context.overrides,
    });
  }

  return {
    catalog: async () => (await listBundles(context.bundles)).map(catalogEntry),
    list: async (cluster) => {
      const statuses = await addonStatuses(context, cluster);
      const clients = kubeClientsFromKubeconfig(await context.engine.kubeconfig(cluster));
      return Promise.all(
        statuses.map(async (status): Promise<AddonState> => {
          const outputs = status.enabled
            ? describeOutputs((await rendered(clients, cluster, status.name)).outputs, cluster)
            : [];
          return {
            name: status.name,
            enabled: status.enabled,
            ...(status.state ? { state: status.state } : {}),
            ...(status.installedVersion ? { installedVersion: status.installedVersion } : {}),
            params: { ...(status.params ?? {}) },
            outputs: outputs.map(toUiOutput),
          };
        }),
      );
    },
    enable: async (cluster, addon, params, options) => {
      await enableAddon(context, cluster, { name: addon, params }, options);
    },
    disable: (cluster, addon, data, options) =>
      disableAddon(context, cluster, addon, { ...options, yes: data === 'delete', keepData: data === 'keep' }),
    reveal: async (cluster, addon, outputName): Promise<RevealedOutput> => {
      const clients = kubeClientsFromKubeconfig(await context.engine.kubeconfig(cluster));
      const output = (await rendered(clients, cluster, addon)).outputs.find(
        (candidate) => candidate.name === outputName,
      );
      if (!output) throw new NotFound(`add-on ${addon} has no output ${outputName}`);
      if ('token' in output) {
        const { serviceAccount, expirationSeconds } = output.token;
        return { kind: 'token', value: await mintServiceAccountToken(clients, serviceAccount, expirationSeconds) };
      }
      if ('portForward' in output) {
        const key = `${cluster}/${addon}/${outputName}`;
        const { service, port, path } = output.portForward;
        const open =
          forwards.get(key) ??
          (await forwardServicePort(clients, { namespace: service.namespace, name: service.name }, port));
        forwards.set(key, open);
        return { kind: 'url', value: new URL(path, open.url).href };
      }
      return 'url' in output ? { kind: 'url', value: output.url } : { kind: 'text', value: output.value };
    },
    dispose: async () => {
      await Promise.all([...forwards.values()].map((forward) => forward.close()));
      forwards.clear();
    },
  };
}
