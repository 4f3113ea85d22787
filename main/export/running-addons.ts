// What `export --cluster NAME` says about add-ons: the ones the cluster runs now, as its
// add-on inventories record them (enabled at creation or later, minus those disabled),
// rather than the list the spec had when the cluster was created.
import type { AddonRef, ClusterSpec } from '../spec/index.js';
import { KNOWN_ADDONS, type AddonName } from '../spec/known-addons.js';

/** One add-on as the cluster's inventory records it. */
export interface RunningAddon {
  name: string;
  params: Record<string, unknown>;
}

export interface RunningAddonsMerge {
  spec: ClusterSpec;
  /** Enabled after creation. */
  added: string[];
  /** In the creation spec but not running (disabled, or never installed). */
  removed: string[];
  /** Running bundles that are not Slipway's own add-ons, so a spec cannot name them. */
  unknown: string[];
}

/** The spec with its add-on list replaced by the running add-ons, in spec order, then new ones. */
export function withRunningAddons(spec: ClusterSpec, running: readonly RunningAddon[]): RunningAddonsMerge {
  const known = running.filter((addon): addon is RunningAddon & { name: AddonName } => isKnownAddon(addon.name));
  const byName = new Map(known.map((addon) => [addon.name, addon]));
  const recorded = spec.spec.addons.map((addon) => addon.name);
  const kept: AddonRef[] = spec.spec.addons.flatMap((addon) => {
    const found = byName.get(addon.name);
    return found === undefined ? [] : [{ name: addon.name, params: found.params }];
  });
  const added = known.filter((addon) => !recorded.includes(addon.name));
  return {
    spec: {
      ...spec,
      spec: { ...spec.spec, addons: [...kept, ...added.map(({ name, params }) => ({ name, params }))] },
    },
    added: added.map((addon) => addon.name),
    removed: recorded.filter((name) => !byName.has(name)),
    unknown: running.filter((addon) => !isKnownAddon(addon.name)).map((addon) => addon.name),
  };
}

function isKnownAddon(name: string): name is AddonName {
  return (KNOWN_ADDONS as readonly string[]).includes(name);
}
