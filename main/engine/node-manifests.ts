// Preparing the node image's manifests. The CNI manifest follows kind's node contract: a file
// that says "would you kindly template this file" gets the pod subnet; one that says "would
// you kindly patch this file" gets the API endpoint as CONTROL_PLANE_ENDPOINT on its DaemonSet.
// Our hermetic image's kube-router manifest instead carries the service range in a ConfigMap.
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
  serviceSubnet: string;
  /** host:port of the API inside the cluster network. */
  endpoint: string;
}

/** ConfigMaps that carry the service range (kube-router's contract in our node image). */
const SERVICE_RANGE_KEY = 'service-cluster-ip-range';

interface ManifestDoc extends DaemonSetLike {
  data?: Record<string, string>;
}

function patchDocuments(text: string, values: CniValues): string {
  const docs = parseAllDocuments(text)
    .map((doc) => doc.toJS() as ManifestDoc | null)
    .filter((doc): doc is ManifestDoc => doc !== null);
  if (text.includes(PATCH_MARKER)) {
    const daemonSets = docs.filter((doc) => doc.kind === 'DaemonSet');
    if (daemonSets.length === 0) throw new SlipwayError('the CNI manifest asks to be patched but has no DaemonSet');
    for (const daemonSet of daemonSets) addEndpoint(daemonSet, values.endpoint);
  }
  for (const doc of docs) {
    if (doc.kind === 'ConfigMap' && doc.data?.[SERVICE_RANGE_KEY] !== undefined)
      doc.data[SERVICE_RANGE_KEY] = values.serviceSubnet;
  }
  return docs.map((doc) => stringify(doc)).join('---\n');
}

/** The manifest ready to apply: kind's markers honoured, our service-range ConfigMap set. */
export function prepareCniManifest(manifest: string, values: CniValues): string {
  let text = manifest;
  if (text.includes(TEMPLATE_MARKER)) {
    text = text.replace(podSubnetField, values.podSubnet);
    if (/\{\{.*\}\}/.test(text)) throw new SlipwayError('the CNI manifest has template fields other than .PodSubnet');
  }
  if (!text.includes(PATCH_MARKER) && !text.includes(SERVICE_RANGE_KEY)) return text;
  return patchDocuments(text, values);
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
