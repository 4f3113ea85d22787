// The names of the export targets: the small vocabulary that bundle hints (addons/*/addon.yaml
// `exports:`), the CLI's --target and the exporters share. What each target is — exporter,
// title, site inputs, option rules — is its descriptor in main/export/targets.ts, keyed by
// exactly these names.

export const EXPORT_TARGETS = ['capi', 'vks', 'tkgi', 'gke', 'kind'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
