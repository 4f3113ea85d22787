// Add-ons on Cluster API: Helm charts through the Cluster API Add-on Provider for Helm
// (HelmChartProxy) and a default StorageClass through a ClusterResourceSet. Each object
// selects the exported Cluster by its Slipway label.
import { stringify } from 'yaml';
import type { AddonName } from '../../spec/known-addons.js';
import type { ClusterSpec } from '../../spec/index.js';
import { clusterSelectorLabels } from '../labels.js';
import type { KubeObject } from '../types.js';
import type { CapiApiVersion } from './cluster.js';
import { anyProvides } from '../../addons/bundle-facts.js';

interface HelmChart {
  repoURL: string;
  chartName: string;
  namespace: string;
  values?: Record<string, unknown>;
}

// The charts of the controllers the local bundles run (Traefik, Headlamp, metrics-server).
const HELM_CHARTS: Partial<Record<AddonName, HelmChart>> = {
  ingress: {
    repoURL: 'https://traefik.github.io/charts',
    chartName: 'traefik',
    namespace: 'traefik',
    values: { providers: { kubernetesGateway: { enabled: true } } },
  },
  dashboard: {
    repoURL: 'https://kubernetes-sigs.github.io/headlamp/',
    chartName: 'headlamp',
    namespace: 'headlamp',
    // The chart binds cluster-admin by default; locally the dashboard gets `view`.
    values: { clusterRoleBinding: { create: true, clusterRoleName: 'view' } },
  },
  'metrics-server': {
    repoURL: 'https://kubernetes-sigs.github.io/metrics-server/',
    chartName: 'metrics-server',
    namespace: 'kube-system',
  },
};

export interface CapiAddonInput {
  spec: ClusterSpec;
  namespace: string;
  apiVersion: CapiApiVersion;
  storageProvisioner: string | undefined;
}

/** HelmChartProxy, ConfigMap and ClusterResourceSet objects for the spec's add-ons. */
export function capiAddonObjects(input: CapiAddonInput): KubeObject[] {
  const names = new Set(input.spec.spec.addons.map((addon) => addon.name));
  const objects: KubeObject[] = [];
  for (const name of names) {
    const chart = HELM_CHARTS[name];
    if (chart) objects.push(helmChartProxy(input, chart));
  }
  if (anyProvides(input.spec.spec.addons, 'storage.csi') && input.storageProvisioner !== undefined) {
    objects.push(...defaultStorageClassSet(input, input.storageProvisioner));
  }
  return objects;
}

function helmChartProxy(input: CapiAddonInput, chart: HelmChart): KubeObject {
  const clusterName = input.spec.metadata.name;
  return {
    apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
    kind: 'HelmChartProxy',
    metadata: { name: `${clusterName}-${chart.chartName}`, namespace: input.namespace },
    spec: {
      clusterSelector: { matchLabels: clusterSelectorLabels(clusterName) },
      repoURL: chart.repoURL,
      chartName: chart.chartName,
      namespace: chart.namespace,
      releaseName: chart.chartName,
      ...(chart.values !== undefined && { valuesTemplate: stringify(chart.values) }),
    },
  };
}

function defaultStorageClassSet(input: CapiAddonInput, provisioner: string): KubeObject[] {
  const clusterName = input.spec.metadata.name;
  const configMapName = `${clusterName}-default-storageclass`;
  const storageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'default', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  };
  const configMap: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName, namespace: input.namespace },
    data: { 'storageclass.yaml': stringify(storageClass) },
  };
  const resourceSet: KubeObject = {
    apiVersion: `addons.cluster.x-k8s.io/${input.apiVersion}`,
    kind: 'ClusterResourceSet',
    metadata: { name: `${clusterName}-default-storageclass`, namespace: input.namespace },
    spec: {
      clusterSelector: { matchLabels: clusterSelectorLabels(clusterName) },
      resources: [{ kind: 'ConfigMap', name: configMapName }],
      strategy: 'Reconcile',
    },
  };
  return [configMap, resourceSet];
}
