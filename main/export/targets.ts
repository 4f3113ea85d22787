// One descriptor per export target: what the CLI, the IPC service, the docs generator and
// export itself know about a target, in one place. Adding a target is adding an entry here
// (and its name to main/lib/export-targets.ts, which the type below holds to this list).
import type { z } from 'zod';
import { EXPORT_TARGETS, type ExportTarget } from '../lib/export-targets.js';
import { exportToCapi } from './capi/index.js';
import { exportToGke } from './gke/index.js';
import { exportToKind } from './kind/export.js';
import { SITE_SECTIONS } from './site/schema.js';
import { exportToTkgi } from './tkgi/index.js';
import type { TargetExporter } from './types.js';
import { exportToVks } from './vks/index.js';

export interface TargetSiteInputs {
  /** The schema of the target's section of a site file (`vks:` …). */
  schema: z.ZodObject;
  /** Keys the export cannot do without, in the order it asks for them. */
  required: readonly string[];
  /** Example values the UI shows in empty fields. */
  placeholders: Readonly<Record<string, string>>;
}

export interface TargetDescriptor {
  id: ExportTarget;
  title: string;
  description: string;
  exporter: TargetExporter;
  /** The target's site inputs; none for targets that need nothing from the site. */
  site?: TargetSiteInputs;
  /** The options beyond the site that the target accepts. */
  options: { apiVersion: boolean; legacyTkc: boolean };
}

const DESCRIPTORS = {
  capi: {
    id: 'capi',
    title: 'Cluster API',
    description: 'A Cluster with a ClusterClass topology (v1beta2; v1beta1 on request).',
    exporter: exportToCapi,
    site: { schema: SITE_SECTIONS.capi, required: ['capi.clusterClass'], placeholders: {} },
    options: { apiVersion: true, legacyTkc: false },
  },
  vks: {
    id: 'vks',
    title: 'vSphere Kubernetes Service',
    description:
      'A Cluster on the tanzukubernetescluster class, or on builtin-generic-v3.7.0 with vks.class (TKC v1alpha3 as a legacy option).',
    exporter: exportToVks,
    site: {
      schema: SITE_SECTIONS.vks,
      required: ['vks.namespace', 'vks.vmClass', 'vks.storageClass', 'vks.release'],
      placeholders: {
        'vks.namespace': 'dev-team',
        'vks.vmClass': 'best-effort-medium',
        'vks.storageClass': 'vsan-default-storage-policy',
      },
    },
    options: { apiVersion: true, legacyTkc: true },
  },
  tkgi: {
    id: 'tkgi',
    title: 'TKGI',
    description: 'The tkgi CLI command, the REST body and a compute profile.',
    exporter: exportToTkgi,
    site: {
      schema: SITE_SECTIONS.tkgi,
      required: ['tkgi.plan', 'tkgi.externalHostname'],
      placeholders: { 'tkgi.plan': 'small', 'tkgi.externalHostname': 'demo.k8s.example.com' },
    },
    options: { apiVersion: false, legacyTkc: false },
  },
  gke: {
    id: 'gke',
    title: 'GKE',
    description: 'A CreateClusterRequest, the equivalent gcloud command and Terraform JSON.',
    exporter: exportToGke,
    site: {
      schema: SITE_SECTIONS.gke,
      required: ['gke.project', 'gke.location'],
      placeholders: { 'gke.project': 'my-project-123', 'gke.location': 'europe-west1' },
    },
    options: { apiVersion: false, legacyTkc: false },
  },
  kind: {
    id: 'kind',
    title: 'kind',
    description: 'A kind cluster config for the same topology.',
    exporter: exportToKind,
    options: { apiVersion: false, legacyTkc: false },
  },
} as const satisfies Record<ExportTarget, TargetDescriptor>;

/** Every target's descriptor, in the order of EXPORT_TARGETS. */
export const TARGET_DESCRIPTORS: readonly TargetDescriptor[] = EXPORT_TARGETS.map((id) => DESCRIPTORS[id]);

/** The descriptor of one target. */
export function targetDescriptor(target: ExportTarget): TargetDescriptor {
  return DESCRIPTORS[target];
}
