// The add-on layer's side of spec.addons, handed to the engine when it is built (the engine
// sits below the add-ons and never imports them). Both hooks load their modules on first
// use, so an engine for `slipway list` does not load bundles or the Kubernetes client.
import type { Engine, SpecAddonHooks, TaskOptions } from '../engine/types.js';
import type { AddonRef, ClusterSpec } from '../spec/index.js';

/** Checks spec.addons against their bundles, and installs them with the host's add-on context. */
export const specAddonHooks: SpecAddonHooks = {
  async check(spec: ClusterSpec): Promise<void> {
    const { assertAddonsMatchBundles } = await import('./spec-checks.js');
    await assertAddonsMatchBundles(spec, { source: `cluster "${spec.metadata.name}"` });
  },
  async install(engine: Engine, cluster: string, addons: readonly AddonRef[], options: TaskOptions): Promise<void> {
    const { addonContextForEngine, installSpecAddons } = await import('./node-hooks.js');
    await installSpecAddons(await addonContextForEngine(engine), cluster, addons, options);
  },
};
