// The add-on API used by the CLI, the desktop app and the engine's create pipeline.
export {
  listBundles,
  listBundleNames,
  loadBundle,
  validateBundle,
  defaultBundlesRoot,
  type AddonBundle,
  type BundleSource,
} from './load-bundle.js';
export {
  enableAddon,
  enableAddons,
  planEnable,
  validateRequests,
  type AddonContext,
  type AddonRequest,
  type EnableOptions,
  type EnableResult,
} from './enable.js';
export { disableAddon, type DisableOptions } from './disable.js';
export { addonStatuses, type AddonStatus } from './status.js';
export { addonContextForEngine, installSpecAddons, reconcileAddonNodes } from './node-hooks.js';
export { renderBundle, renderedToYaml, type RenderedAddon, type KubeObject } from './render.js';
export { resolveParameters, parseSetFlags, parameterProblems, type ParameterValues } from './parameters.js';
export { privilegedChoices, type PrivilegedChoice } from './privileged-parameters.js';
export {
  loadImageOverrides,
  overridesPathFromEnvironment,
  resolveImage,
  type ImageOverrides,
} from './image-overrides.js';
export { mintServiceAccountToken, describeOutputs, type AddonOutput } from './outputs.js';
export { forwardServicePort, type OpenPortForward } from './port-forward.js';
export { addonBundleJsonSchema } from './json-schema.js';
export type { AddonHost, NodeAccess, HostContainers, AddonNode, RegistryContainerRequest } from './host/types.js';
export { engineNodeAccess } from './host/engine-node-access.js';
export { dockerHostContainers } from './host/docker-registry.js';
