// The exporters (main/export) behind the app's ExportService: each target's title, description
// and site inputs come from its descriptor (main/export/targets.ts), the fields themselves from
// the descriptor's site schema, so they cannot drift; and a preview of documents and issues.
import { z } from 'zod';
import {
  TARGET_DESCRIPTORS,
  exportSpec,
  loadSiteInputs,
  renderDocument,
  type ExportTarget,
  type TargetDescriptor,
} from '../../export/index.js';
import type { ExportService, ExportSiteField, ExportTargetInfo } from '../feature-services.js';

/** The string-valued site inputs of a target (tables such as vmClasses are file-only). */
export function siteFieldsFor(descriptor: TargetDescriptor): ExportSiteField[] {
  const site = descriptor.site;
  if (!site) return [];
  return Object.entries(site.schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const value = field instanceof z.ZodOptional ? field.unwrap() : field;
    if (!(value instanceof z.ZodString || value instanceof z.ZodEnum)) return [];
    const fullKey = `${descriptor.id}.${key}`;
    const placeholder = site.placeholders[fullKey];
    return [{ key: fullKey, title: key, required: false, ...(placeholder ? { placeholder } : {}) }];
  });
}

/** ExportService over the pure exporters. */
export function createExportService(): ExportService {
  const targets: ExportTargetInfo[] = TARGET_DESCRIPTORS.map((descriptor) => ({
    id: descriptor.id,
    title: descriptor.title,
    description: descriptor.description,
    siteFields: siteFieldsFor(descriptor),
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
