// The add-on bundles Slipway ships (addons/<name>/). The spec accepts only these names; a
// test keeps this list equal to the bundle folders.
export const KNOWN_ADDONS = ['registry', 'ingress', 'csi-hostpath', 'dashboard', 'metrics-server'] as const;
export type AddonName = (typeof KNOWN_ADDONS)[number];

/** Add-ons the embedded default cluster installs. */
export const DEFAULT_ADDONS: readonly AddonName[] = [];
