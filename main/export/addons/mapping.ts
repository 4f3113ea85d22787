// What each local add-on becomes on each target (registry → Harbor / Artifact Registry,
// ingress → Traefik or Contour / GKE Gateway, csi-hostpath → vSphere CSI / PD CSI,
// dashboard → Headlamp / Cloud Console). Exporters emit the documents; this table says, per
// add-on, what was exported and what the user still has to do.
import type { AddonName } from '../../spec/known-addons.js';
import type { IssueSeverity } from '../types.js';
import type { ExportTarget } from '../types.js';

/** What the exporter knows when it describes an add-on's mapping. */
export interface AddonMappingContext {
  /** CAPI: a provisioner was given, so a default StorageClass ships in a ClusterResourceSet. */
  capiStorageProvisioner?: string;
  /** VKS: the storage class made default. */
  vksStorageClass?: string;
}

export interface AddonMapping {
  /** info: fully exported; warning: the user has to act. */
  severity: IssueSeverity;
  message: string;
}

type MappingTable = Record<AddonName, Record<ExportTarget, (context: AddonMappingContext) => AddonMapping>>;

const info = (message: string): AddonMapping => ({ severity: 'info', message });
const todo = (message: string): AddonMapping => ({ severity: 'warning', message });

const ADDON_MAPPINGS: MappingTable = {
  registry: {
    capi: () =>
      todo(
        'the local registry becomes a production registry such as Harbor: push images there and reference them by that name; for a pull-through mirror add a containerd hosts.toml patch to the ClusterClass (the imageRepository variable only covers the core images)',
      ),
    vks: () =>
      todo(
        "the local registry becomes Harbor (the Supervisor's Harbor service or the harbor add-on): push images there and trust its CA through the trust.additionalTrustedCAs variable",
      ),
    tkgi: () =>
      todo(
        'the local registry becomes the Harbor tile: push images there; for a private CA add custom_ca_certs to the cluster (tkgi update-cluster --config-file)',
      ),
    gke: () =>
      todo(
        "the local registry becomes an Artifact Registry Docker repository (a remote repository can cache Docker Hub): push images there and grant the nodes' service account roles/artifactregistry.reader",
      ),
    kind: () =>
      todo(
        "kind has no registry add-on: follow kind's local registry guide (a registry container plus a containerd certs.d mirror on every node)",
      ),
  },
  ingress: {
    capi: () =>
      info(
        "exported as a HelmChartProxy installing Traefik, the controller the local add-on runs (Ingress and Gateway API); it needs the Cluster API Add-on Provider for Helm, and LoadBalancer Services need the infrastructure provider's CPI, MetalLB or kube-vip",
      ),
    vks: () =>
      todo(
        'install Contour (the contour add-on, or the Contour Tanzu package); LoadBalancer Services come from the Supervisor network (NSX, Avi or HAProxy)',
      ),
    tkgi: () =>
      todo(
        'with NSX, NCP serves Ingress and LoadBalancer Services; without NSX install Contour after tkgi get-credentials',
      ),
    gke: () =>
      info(
        'exported as GKE Gateway (gatewayApiConfig CHANNEL_STANDARD) and GKE Ingress (HTTP load balancing); use gatewayClassName gke-l7-global-external-managed in your Gateways',
      ),
    kind: () =>
      todo('kind has no ingress add-on: run cloud-provider-kind or install a controller; the port mappings are kept'),
  },
  'csi-hostpath': {
    capi: (context) =>
      context.capiStorageProvisioner === undefined
        ? todo(
            "install your infrastructure provider's CSI driver (vSphere CSI on CAPV, ...) and set capi.storageProvisioner to ship a default StorageClass through a ClusterResourceSet",
          )
        : info(
            `exported as a ClusterResourceSet with a default StorageClass for ${context.capiStorageProvisioner}; install that CSI driver with the infrastructure provider`,
          ),
    vks: (context) =>
      info(
        `vSphere CSI is preinstalled; exported ${context.vksStorageClass ?? 'vks.storageClass'} as the default StorageClass; volume snapshots need a VolumeSnapshotClass from the platform`,
      ),
    tkgi: () =>
      info(
        'exported a default StorageClass for vSphere CSI (storageclass.yaml); enable the vSphere CSI driver in the tile and apply it after tkgi get-credentials',
      ),
    gke: () =>
      info(
        'exported as the Compute Engine Persistent Disk CSI driver; its default StorageClass is standard-rwo; create a VolumeSnapshotClass if you use snapshots',
      ),
    kind: () => todo('kind ships only its local-path StorageClass: volume snapshots are not available'),
  },
  dashboard: {
    capi: () =>
      info(
        'exported as a HelmChartProxy installing Headlamp bound to the view ClusterRole (least privilege, as locally)',
      ),
    vks: () => todo('install Headlamp (the headlamp add-on, or its Helm chart) in the cluster'),
    tkgi: () => todo('install Headlamp with its Helm chart after tkgi get-credentials'),
    gke: () =>
      info("use the Cloud Console's Kubernetes pages; for an in-cluster web UI install Headlamp with its Helm chart"),
    kind: () => todo('install Headlamp with its Helm chart'),
  },
  'metrics-server': {
    capi: () => info('exported as a HelmChartProxy installing metrics-server (kubeadm clusters have none)'),
    vks: () => info('metrics-server is installed by the platform'),
    tkgi: () => info('metrics-server runs in TKGI clusters by default'),
    gke: () => info('metrics-server is built into GKE'),
    kind: () => todo('kind does not install metrics-server: install it with --kubelet-insecure-tls'),
  },
};

/** The mapping of one add-on on one target. */
export function addonMapping(addon: AddonName, target: ExportTarget, context: AddonMappingContext = {}): AddonMapping {
  return ADDON_MAPPINGS[addon][target](context);
}
