// The ClusterClasses a VKS export can target, by name: what `vks.class` accepts. Each one's
// variables live in ./classes.ts; this file stays free of them so the site schema can read it.

/** The class every TKG Service 3.x Supervisor serves (variables vmClass, storageClass, …). */
export const TANZU_CLASS = 'tanzukubernetescluster';
/** VKS 3.7's versioned generic class, in the vmware-system-vks-public namespace. */
export const GENERIC_CLASS_V3_7 = 'builtin-generic-v3.7.0';

export const VKS_CLASS_NAMES = [TANZU_CLASS, GENERIC_CLASS_V3_7] as const;
export type VksClassName = (typeof VKS_CLASS_NAMES)[number];
