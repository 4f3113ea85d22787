// The one entry the CLI and the desktop app call: spec + target + options → documents, issues
// and rendered files. Pure and fast (no I/O), so the UI can preview on every keystroke.
import { UsageError } from '../errors.js';
import type { ClusterSpec } from '../spec/index.js';
import { exportToCapi } from './capi/index.js';
import { exportToGke } from './gke/index.js';
import { exportToKind } from './kind/export.js';
import { renderFiles } from './render.js';
import { exportToTkgi } from './tkgi/index.js';
import type { ExportOptions, ExportResult, ExportTarget, TargetExporter } from './types.js';
import { exportToVks } from './vks/index.js';

const EXPORTERS: Record<ExportTarget, TargetExporter> = {
  capi: exportToCapi,
  vks: exportToVks,
  tkgi: exportToTkgi,
  gke: exportToGke,
  kind: exportToKind,
};

/** Export a validated spec to one target. Throws UsageError for options the target rejects. */
export function exportSpec(spec: ClusterSpec, target: ExportTarget, options: ExportOptions = {}): ExportResult {
  checkOptions(target, options);
  const { documents, issues } = EXPORTERS[target](spec, options);
  return { target, documents, issues, files: renderFiles(documents) };
}

function checkOptions(target: ExportTarget, options: ExportOptions): void {
  if (options.apiVersion !== undefined && target !== 'capi' && target !== 'vks') {
    throw new UsageError(`--api-version applies to --target capi and vks, not ${target}`);
  }
  if (options.legacyTkc === true && target !== 'vks') {
    throw new UsageError(`--legacy-tkc applies to --target vks, not ${target}`);
  }
}

// The site inputs each target cannot do without (the UI marks them required).
const REQUIRED_SITE_INPUTS: Record<ExportTarget, readonly string[]> = {
  capi: ['capi.clusterClass'],
  vks: ['vks.namespace', 'vks.vmClass', 'vks.storageClass', 'vks.release'],
  tkgi: ['tkgi.plan', 'tkgi.externalHostname'],
  gke: ['gke.project', 'gke.location'],
  kind: [],
};

/** The site input keys a target requires, e.g. ['gke.project', 'gke.location']. */
export function requiredSiteInputs(target: ExportTarget): readonly string[] {
  return REQUIRED_SITE_INPUTS[target];
}

/** The site input keys that block an export (REQUIRES_SITE_INPUT), in order, without repeats. */
export function missingSiteInputs(result: Pick<ExportResult, 'issues'>): string[] {
  const keys = result.issues
    .filter((found) => found.code === 'REQUIRES_SITE_INPUT' && found.needsInput !== undefined)
    .map((found) => found.needsInput ?? '');
  return [...new Set(keys)];
}
