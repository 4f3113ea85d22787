// Preparing the node image's manifests. The CNI manifest follows kind's node contract: a file
// that says "would you kindly template this file" gets the pod subnet; one that says "would
// you kindly patch this file" gets the API endpoint as CONTROL_PLANE_ENDPOINT on its DaemonSet.
// kindest/node's kindnet manifest and our hermetic image's flannel one both use the first.
import { parseAllDocuments, stringify } from 'yaml';
import { SlipwayError } from '../errors.js';

export const TEMPLATE_MARKER = 'would you kindly template this file';
export const PATCH_MARKER = 'would you kindly patch this file';

const podSubnetField = /\{\{\s*\.PodSubnet\s*\}\}/g;

interface EnvVar {
  name: string;
  value?: string;
}
interface DaemonSetLike {
  kind?: string;
  spec?: { template?: { spec?: { containers?: { env?: EnvVar[] }[] } } };
}

function addEndpoint(doc: DaemonSetLike, endpoint: string): void {
  const container = doc.spec?.template?.spec?.containers?.[0];
  if (!container) throw new SlipwayError('the CNI DaemonSet has no container to patch');
  container.env = [
    ...(container.env ?? []).filter((e) => e.name !== 'CONTROL_PLANE_ENDPOINT'),
    { name: 'CONTROL_PLANE_ENDPOINT', value: endpoint },
  ];
}

export interface CniValues {
  podSubnet: string;
  /** host:port of the API inside the cluster network. */
  endpoint: string;
}

function patchDocuments(text: string, values: CniValues): string {
  const docs = parseAllDocuments(text)
    .map((doc) => doc.toJS() as DaemonSetLike | null)
    .filter((doc): doc is DaemonSetLike => doc !== null);
  const daemonSets = docs.filter((doc) => doc.kind === 'DaemonSet');
  if (daemonSets.length === 0) throw new SlipwayError('the CNI manifest asks to be patched but has no DaemonSet');
  for (const daemonSet of daemonSets) addEndpoint(daemonSet, values.endpoint);
  return docs.map((doc) => stringify(doc)).join('---\n');
}

/** The manifest ready to apply, with kind's markers honoured. */
export function prepareCniManifest(manifest: string, values: CniValues): string {
  let text = manifest;
  if (text.includes(TEMPLATE_MARKER)) {
    text = text.replace(podSubnetField, values.podSubnet);
    if (/\{\{.*\}\}/.test(text)) throw new SlipwayError('the CNI manifest has template fields other than .PodSubnet');
  }
  return text.includes(PATCH_MARKER) ? patchDocuments(text, values) : text;
}

/** A hostPath-backed default StorageClass for images without a storage manifest. */
export function fallbackStorageClass(): Record<string, unknown> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'kubernetes.io/host-path',
  };
}
