// The add-on bundles Slipway ships (addons/<name>/). The spec accepts only these names; a
// test keeps this list equal to the bundle folders.
export const KNOWN_ADDONS = ['registry', 'ingress', 'csi-hostpath', 'dashboard', 'metrics-server'] as const;
export type AddonName = (typeof KNOWN_ADDONS)[number];

/**
 * Add-ons the embedded default cluster installs (docs/architecture.md#contracts): a registry to push local builds
 * to and metrics for `kubectl top`. Both build offline and need no host ports; ingress needs
 * ports 80/443 on the host and the others cannot all be built offline.
 */
export const DEFAULT_ADDONS: readonly AddonName[] = ['registry', 'metrics-server'];
