// The one entry the CLI and the desktop app call: spec + target + options → documents, issues
// and rendered files. Fast and free of I/O after the first call, which reads the shipped
// bundles' facts once (main/addons/bundle-facts.ts), so the UI can preview on every keystroke.
import { UsageError } from '../errors.js';
import type { ClusterSpec } from '../spec/index.js';
import { renderFiles } from './render.js';
import { TARGET_DESCRIPTORS, targetDescriptor, type TargetDescriptor } from './targets.js';
import type { ExportOptions, ExportResult, ExportTarget } from './types.js';

/** Export a validated spec to one target. Throws UsageError for options the target rejects. */
export function exportSpec(spec: ClusterSpec, target: ExportTarget, options: ExportOptions = {}): ExportResult {
  checkOptions(target, options);
  const { documents, issues } = targetDescriptor(target).exporter(spec, options);
  return { target, documents, issues, files: renderFiles(documents) };
}

function checkOptions(target: ExportTarget, options: ExportOptions): void {
  const accepts = (option: keyof TargetDescriptor['options']) =>
    TARGET_DESCRIPTORS.filter((descriptor) => descriptor.options[option]).map((descriptor) => descriptor.id);
  const { options: allowed } = targetDescriptor(target);
  if (options.apiVersion !== undefined && !allowed.apiVersion) {
    throw new UsageError(`--api-version applies to --target ${accepts('apiVersion').join(' and ')}, not ${target}`);
  }
  if (options.legacyTkc === true && !allowed.legacyTkc) {
    throw new UsageError(`--legacy-tkc applies to --target ${accepts('legacyTkc').join(' and ')}, not ${target}`);
  }
}

/** The site input keys a target requires, e.g. ['gke.project', 'gke.location']. */
export function requiredSiteInputs(target: ExportTarget): readonly string[] {
  return targetDescriptor(target).site?.required ?? [];
}

/** The site input keys that block an export (REQUIRES_SITE_INPUT), in order, without repeats. */
export function missingSiteInputs(result: Pick<ExportResult, 'issues'>): string[] {
  const keys = result.issues
    .filter((found) => found.code === 'REQUIRES_SITE_INPUT' && found.needsInput !== undefined)
    .map((found) => found.needsInput ?? '');
  return [...new Set(keys)];
}
