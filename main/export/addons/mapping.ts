// What each local add-on becomes on each target (registry → Harbor / Artifact Registry,
// ingress → Traefik or Contour / GKE Gateway, csi-hostpath → vSphere CSI / PD CSI,
// dashboard → Headlamp / Cloud Console). The action and the equivalent are the bundle's own
// `exports:` hints (addons/*/addon.yaml), read from there; this table adds, per add-on and
// target, what the export did and what the user still has to do, which can depend on the
// site inputs (a storage provisioner, a storage class).
import { bundleExportHint } from '../../addons/bundle-facts.js';
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

/**
 * How an add-on carries over, in the words of a bundle's `exports.<target>`: the same
 * software (keep), other software (replace), nothing (omit) or the platform's own (builtin).
 */
export interface AddonEquivalent {
  action: 'keep' | 'replace' | 'omit' | 'builtin';
  /** The production equivalent. */
  with: string;
}

interface TargetMapping {
  describe: (context: AddonMappingContext) => AddonMapping;
}

/**
 * The GatewayClass to use on GKE. The global external class works on any VPC; the regional
 * ones also need a proxy-only subnet in the region, which the export does not create.
 */
export const GKE_GATEWAY_CLASS = 'gke-l7-global-external-managed';

const info = (message: string): AddonMapping => ({ severity: 'info', message });
const todo = (message: string): AddonMapping => ({ severity: 'warning', message });

const ADDON_MAPPINGS: Record<AddonName, Record<ExportTarget, TargetMapping>> = {
  registry: {
    capi: {
      describe: () =>
        todo(
          'the local registry becomes a production registry such as Harbor: push images there and reference them by that name; for a pull-through mirror add a containerd hosts.toml patch to the ClusterClass (the imageRepository variable only covers the core images)',
        ),
    },
    vks: {
      describe: () =>
        todo(
          "the local registry becomes Harbor (the Supervisor's Harbor service or the harbor add-on): push images there and trust its CA through the trust.additionalTrustedCAs variable",
        ),
    },
    tkgi: {
      describe: () =>
        todo(
          'the local registry becomes the Harbor tile: push images there; for a private CA add custom_ca_certs to the cluster (tkgi update-cluster --config-file)',
        ),
    },
    gke: {
      describe: () =>
        todo(
          "the local registry becomes an Artifact Registry Docker repository (a remote repository can cache Docker Hub): push images there and grant the nodes' service account roles/artifactregistry.reader",
        ),
    },
    kind: {
      describe: () =>
        todo(
          "kind has no registry add-on: follow kind's local registry guide (a registry container plus a containerd certs.d mirror on every node)",
        ),
    },
  },
  ingress: {
    capi: {
      describe: () =>
        info(
          "exported as a HelmChartProxy installing Traefik rather than Contour: Traefik is the controller the local add-on runs, so Ingresses, Gateway API routes and the traefik class names carry over unchanged. It needs the Cluster API Add-on Provider for Helm, and LoadBalancer Services need the infrastructure provider's CPI, MetalLB or kube-vip",
        ),
    },
    vks: {
      describe: () =>
        todo(
          'install Contour (the contour add-on, or the Contour Tanzu package); LoadBalancer Services come from the Supervisor network (NSX, Avi or HAProxy)',
        ),
    },
    tkgi: {
      describe: () =>
        todo(
          'with NSX, NCP serves Ingress and LoadBalancer Services; without NSX install Contour after tkgi get-credentials',
        ),
    },
    gke: {
      describe: () =>
        info(
          `exported as GKE Gateway (gatewayApiConfig CHANNEL_STANDARD) and GKE Ingress (HTTP load balancing); use gatewayClassName ${GKE_GATEWAY_CLASS} in your Gateways (the regional classes also need a proxy-only subnet)`,
        ),
    },
    kind: {
      describe: () =>
        todo(
          'kind has no ingress add-on: install Traefik as the local add-on does, or run cloud-provider-kind; the port mappings are kept',
        ),
    },
  },
  'csi-hostpath': {
    capi: {
      describe: (context) =>
        context.capiStorageProvisioner === undefined
          ? todo(
              "install your infrastructure provider's CSI driver (vSphere CSI on CAPV, ...) and set capi.storageProvisioner to ship a default StorageClass through a ClusterResourceSet",
            )
          : info(
              `exported as a ClusterResourceSet with a default StorageClass for ${context.capiStorageProvisioner}; install that CSI driver with the infrastructure provider`,
            ),
    },
    vks: {
      describe: (context) =>
        info(
          `vSphere CSI is preinstalled; exported ${context.vksStorageClass ?? 'vks.storageClass'} as the default StorageClass; volume snapshots need a VolumeSnapshotClass from the platform`,
        ),
    },
    tkgi: {
      describe: () =>
        info(
          'exported a default StorageClass for vSphere CSI (storageclass.yaml); enable the vSphere CSI driver in the tile and apply it after tkgi get-credentials',
        ),
    },
    gke: {
      describe: () =>
        info(
          'exported as the Compute Engine Persistent Disk CSI driver; its default StorageClass is standard-rwo; create a VolumeSnapshotClass if you use snapshots',
        ),
    },
    kind: {
      describe: () =>
        todo(
          "kind ships only its local-path StorageClass, without volume snapshots: deploy kubernetes-csi's csi-driver-host-path, the driver the local add-on runs",
        ),
    },
  },
  dashboard: {
    capi: {
      describe: () =>
        info(
          'exported as a HelmChartProxy installing Headlamp bound to the view ClusterRole (least privilege, as locally)',
        ),
    },
    vks: {
      describe: () => todo('install Headlamp (the headlamp add-on, or its Helm chart) in the cluster'),
    },
    tkgi: {
      describe: () => todo('install Headlamp with its Helm chart after tkgi get-credentials'),
    },
    gke: {
      describe: () =>
        info("use the Cloud Console's Kubernetes pages; for an in-cluster web UI install Headlamp with its Helm chart"),
    },
    kind: {
      describe: () => todo('install Headlamp with its Helm chart'),
    },
  },
  'metrics-server': {
    capi: {
      describe: () => info('exported as a HelmChartProxy installing metrics-server (kubeadm clusters have none)'),
    },
    vks: {
      describe: () => info('metrics-server is installed by the platform'),
    },
    tkgi: {
      describe: () => info('metrics-server runs in TKGI clusters by default'),
    },
    gke: {
      describe: () => info('metrics-server is built into GKE'),
    },
    kind: {
      describe: () => todo('kind does not install metrics-server: install it with --kubelet-insecure-tls'),
    },
  },
};

/** The mapping of one add-on on one target. */
export function addonMapping(addon: AddonName, target: ExportTarget, context: AddonMappingContext = {}): AddonMapping {
  return ADDON_MAPPINGS[addon][target].describe(context);
}

/** What one add-on becomes on one target, in its bundle's words (`exports.<target>`). */
export function addonEquivalent(addon: AddonName, target: ExportTarget): AddonEquivalent | undefined {
  const hint = bundleExportHint(addon, target);
  return hint ? { action: hint.action, with: hint.with ?? '' } : undefined;
}
