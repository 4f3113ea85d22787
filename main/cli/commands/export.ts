// What `slipway export` does (registered in ./export-command.ts, loaded when the verb runs).
import { UsageError } from '../../errors.js';
import { writeExportDir } from '../../export/files/export-dir.js';
import {
  ExportRefused,
  SiteInputMissing,
  SiteSetInvalid,
  countBySeverity,
  exportSpec,
  loadSiteInputs,
  missingSiteInputs,
  renderStream,
  type ExportResult,
  type ExportTarget,
  type SiteInputs,
} from '../../export/index.js';
import { loadClusterSpec, type ClusterSpec } from '../../spec/index.js';
import { escapeControlCharacters } from '../../spec/quote.js';
import type { CliContext } from '../context.js';
import { formatIssue, reportIssues, summarise } from '../export-report.js';
import type { OutputFlags } from '../options.js';
import { readInputFile } from '../read-input.js';

export interface ExportFlags extends OutputFlags {
  file?: string;
  cluster?: string;
  target: ExportTarget;
  site?: string;
  set: string[];
  outDir?: string;
  apiVersion?: 'v1beta1' | 'v1beta2';
  legacyTkc?: boolean;
}

/** Export the spec (a file or a live cluster's) and print or write the documents. */
export async function runExport(context: CliContext, flags: ExportFlags): Promise<void> {
  const spec = await readSpec(flags, context);
  const site = await readSite(flags, context.signal);
  const result = exportSpec(spec, flags.target, { site, apiVersion: flags.apiVersion, legacyTkc: flags.legacyTkc });
  if (flags.output === 'json') await printJson(result, flags, context);
  else await printText(spec, result, flags, context);
}

async function readSpec(flags: ExportFlags, context: CliContext): Promise<ClusterSpec> {
  if ((flags.file === undefined) === (flags.cluster === undefined)) {
    throw new UsageError('give exactly one of -f FILE or --cluster NAME', {
      hint: 'slipway export -f cluster.yaml --target capi --site site.yaml',
    });
  }
  if (flags.file !== undefined)
    return loadClusterSpec(await readInputFile(flags.file, '--file', { signal: context.signal }), flags.file);
  // Loaded only here: reading a live cluster's add-ons needs the Kubernetes client.
  const { readRunningClusterSpec } = await import('../../export/running-cluster-spec.js');
  const running = await readRunningClusterSpec(await context.engine(), flags.cluster ?? '');
  for (const note of running.notes) context.stderr(`note: ${note}\n`);
  return running.spec;
}

async function readSite(flags: ExportFlags, signal: AbortSignal): Promise<SiteInputs> {
  const text = flags.site === undefined ? undefined : await readInputFile(flags.site, '--site', { signal });
  try {
    return loadSiteInputs({ text, sourceName: flags.site, sets: flags.set });
  } catch (error) {
    if (!(error instanceof SiteSetInvalid)) throw error;
    // Each bad value is blamed on the --set argument that gave it, as the user typed it.
    const lines = error.rejected.map(
      (found) => `--set ${escapeControlCharacters(found.argument)}: ${escapeControlCharacters(found.problem.message)}`,
    );
    const message = lines.length === 1 ? (lines[0] ?? '') : `bad --set values:\n  ${lines.join('\n  ')}`;
    throw new UsageError(message, { cause: error, hint: error.hint });
  }
}

/** Documents (or the files written) on stdout, issues and a summary on stderr. */
async function printText(
  spec: ClusterSpec,
  result: ExportResult,
  flags: ExportFlags,
  context: CliContext,
): Promise<void> {
  const counts = countBySeverity(result.issues);
  const what =
    counts.error > 0 ? `export to ${flags.target} refused` : `export of ${spec.metadata.name} to ${flags.target}`;
  const summary = summarise(what, counts.error > 0 ? undefined : result.documents.length, result.issues);
  if (flags.outDir === undefined && counts.error === 0) context.stdout(renderStream(result.documents));
  reportIssues(context.stderr, summary, result.issues);
  refuseErrors(result);
  if (flags.outDir !== undefined) await writeOutDir(result, flags.outDir, context, { listFiles: true });
}

/** One JSON object on stdout (documents, issues, counts); refusals and write failures on stderr. */
async function printJson(result: ExportResult, flags: ExportFlags, context: CliContext): Promise<void> {
  const { target, documents, issues } = result;
  const summary = countBySeverity(issues);
  const json = { target, documents, issues, missingSiteInputs: missingSiteInputs(result), summary };
  context.stdout(`${JSON.stringify(json, null, 2)}\n`);
  for (const found of issues.filter((candidate) => candidate.severity === 'error'))
    context.stderr(`${formatIssue(found)}\n`);
  refuseErrors(result);
  // With -o DIR the files are written too; stdout stays one JSON object.
  if (flags.outDir !== undefined) await writeOutDir(result, flags.outDir, context, { listFiles: false });
}

/** Throw the typed refusal when the export found errors (exit status 2). */
function refuseErrors(result: ExportResult): void {
  const errors = result.issues.filter((found) => found.severity === 'error');
  if (errors.length === 0) return;
  const missing = missingSiteInputs(result);
  throw missing.length > 0 ? new SiteInputMissing(result.target, missing) : new ExportRefused(result.target, errors);
}

/** Write every document into DIR in one step, then say what changed there. */
async function writeOutDir(
  result: ExportResult,
  dir: string,
  context: CliContext,
  options: { listFiles: boolean },
): Promise<void> {
  const files = result.documents.map((document) => ({
    name: document.file,
    content: result.files[document.file] ?? '',
    executable: document.format === 'shell',
  }));
  const changes = await writeExportDir({ dir, flag: '-o', target: result.target, files });
  for (const path of changes.recovered)
    context.stderr(
      `note: removed ${path}, left by an export that was stopped mid-way (its files were put back first)\n`,
    );
  if (options.listFiles) {
    for (const path of changes.written) context.stdout(`wrote ${path}\n`);
    for (const path of changes.removed)
      context.stdout(`removed ${path} (an earlier export wrote it; this one does not)\n`);
  }
  for (const path of changes.kept)
    context.stderr(`note: kept ${path}: an earlier export wrote it, but it was changed since; delete it if stale\n`);
}
