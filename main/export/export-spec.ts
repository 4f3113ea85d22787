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

/** The site input keys that block an export (REQUIRES_SITE_INPUT), in order, without repeats. */
export function missingSiteInputs(result: Pick<ExportResult, 'issues'>): string[] {
  const keys = result.issues
    .filter((found) => found.code === 'REQUIRES_SITE_INPUT' && found.needsInput !== undefined)
    .map((found) => found.needsInput ?? '');
  return [...new Set(keys)];
}
