// The exporters (main/export) behind the app's ExportService: the targets with the site
// inputs each one reads (taken from the site schema itself, so they cannot drift), and a
// preview of documents and issues for a spec.
import { z } from 'zod';
import {
  EXPORT_TARGETS,
  exportSpec,
  loadSiteInputs,
  renderDocument,
  siteInputsSchema,
  type ExportTarget,
} from '../../export/index.js';
import type { ExportService, ExportSiteField, ExportTargetInfo } from '../feature-services.js';

const targetText: Record<ExportTarget, { title: string; description: string }> = {
  capi: { title: 'Cluster API', description: 'A Cluster with a ClusterClass topology (v1beta2; v1beta1 on request).' },
  vks: {
    title: 'vSphere Kubernetes Service',
    description: 'A Cluster on the tanzukubernetescluster class (TKC v1alpha3 as a legacy option).',
  },
  tkgi: { title: 'TKGI', description: 'The tkgi CLI command, the REST body and a compute profile.' },
  gke: { title: 'GKE', description: 'A CreateClusterRequest, the equivalent gcloud command and Terraform JSON.' },
  kind: { title: 'kind', description: 'A kind cluster config for the same topology.' },
};

const placeholders: Record<string, string> = {
  'vks.namespace': 'dev-team',
  'vks.vmClass': 'best-effort-medium',
  'vks.storageClass': 'vsan-default-storage-policy',
  'gke.project': 'my-project-123',
  'gke.location': 'europe-west1',
  'tkgi.plan': 'small',
  'tkgi.externalHostname': 'demo.k8s.example.com',
};

/** The string-valued site inputs of one section (tables such as vmClasses are file-only). */
export function siteFieldsFor(section: string): ExportSiteField[] {
  const sectionSchema = siteInputsSchema.shape[section as keyof typeof siteInputsSchema.shape] as z.ZodType | undefined;
  const inner = sectionSchema instanceof z.ZodOptional ? sectionSchema.unwrap() : sectionSchema;
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const value = field instanceof z.ZodOptional ? field.unwrap() : field;
    if (!(value instanceof z.ZodString || value instanceof z.ZodEnum)) return [];
    const fullKey = `${section}.${key}`;
    return [
      {
        key: fullKey,
        title: key,
        required: false,
        ...(placeholders[fullKey] ? { placeholder: placeholders[fullKey] } : {}),
      },
    ];
  });
}

/** ExportService over the pure exporters. */
export function createExportService(): ExportService {
  const targets: ExportTargetInfo[] = EXPORT_TARGETS.map((id) => ({
    id,
    ...targetText[id],
    siteFields: siteFieldsFor(id),
  }));
  return {
    targets: () => targets,
    render: (spec, target, site, options) =>
      Promise.resolve().then(() => {
        const sets = Object.entries(site)
          .filter(([, value]) => value.trim() !== '')
          .map(([key, value]) => `${key}=${value.trim()}`);
        const result = exportSpec(spec, target as ExportTarget, { ...options, site: loadSiteInputs({ sets }) });
        return {
          target,
          documents: result.documents.map((document) => ({
            name: document.file,
            language: document.format,
            content: renderDocument(document),
          })),
          issues: result.issues.map((issue) => ({ ...issue })),
        };
      }),
  };
}
