// `slipway export (-f FILE | --cluster NAME) --target T`: turn a cluster spec into the documents
// a production platform accepts, with every lossy or platform-fixed value reported.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { ExitCode, NotFound, UsageError } from '../../errors.js';
import {
  EXPORT_TARGETS,
  ExportRefused,
  SiteInputMissing,
  exportSpec,
  loadSiteInputs,
  missingSiteInputs,
  renderStream,
  type ExportResult,
  type ExportTarget,
} from '../../export/index.js';
import { loadClusterSpec, type ClusterSpec } from '../../spec/index.js';
import type { CliContext } from '../context.js';
import { reportIssues, summarise } from '../export-report.js';
import { collectKeyValue, outputOption, type OutputFlags } from '../options.js';
import { readInputFile } from '../read-input.js';
import { SilentExit } from '../silent-exit.js';

interface ExportFlags extends OutputFlags {
  file?: string;
  cluster?: string;
  target: ExportTarget;
  site?: string;
  set: string[];
  outDir?: string;
  apiVersion?: 'v1beta1' | 'v1beta2';
  legacyTkc?: boolean;
}

export function registerExport(program: Command, context: CliContext): void {
  program
    .command('export')
    .description('export a cluster spec to capi, vks, tkgi, gke or kind (see docs/export.md)')
    .option('-f, --file <file>', 'cluster spec YAML file ("-" for standard input)')
    .option('--cluster <name>', 'export the spec a cluster was created from')
    .addOption(new Option('--target <target>', 'production platform').choices(EXPORT_TARGETS).makeOptionMandatory())
    .option('--site <file>', 'site inputs YAML: what the platform needs that a local spec cannot know')
    .option(
      '--set <key=value>',
      'one site input, e.g. vks.vmClass=best-effort-medium (repeatable)',
      collectKeyValue,
      [],
    )
    .option('-o, --out-dir <dir>', 'write one file per document into DIR instead of printing them')
    .addOption(
      new Option('--api-version <version>', 'Cluster API version (capi: v1beta2 by default; vks: v1beta1)').choices([
        'v1beta1',
        'v1beta2',
      ]),
    )
    .option('--legacy-tkc', 'vks: emit a TanzuKubernetesCluster v1alpha3 (deprecated)')
    .addOption(outputOption())
    .action(async (flags: ExportFlags) => {
      const spec = await readSpec(flags, context);
      const site = loadSiteInputs({
        ...(flags.site !== undefined && { text: await readInputFile(flags.site, '--site'), sourceName: flags.site }),
        sets: flags.set,
      });
      const result = exportSpec(spec, flags.target, { site, apiVersion: flags.apiVersion, legacyTkc: flags.legacyTkc });
      const errors = result.issues.filter((found) => found.severity === 'error');
      if (flags.output === 'json') {
        // With -o DIR the files are written too; stdout stays one JSON object.
        if (flags.outDir !== undefined && errors.length === 0) await writeFiles(flags.outDir, result, () => undefined);
        printJson(result, errors.length, context);
        return;
      }
      if (errors.length > 0) {
        reportIssues(
          context.stderr,
          summarise(`export to ${flags.target} refused`, undefined, result.issues),
          result.issues,
        );
        const missing = missingSiteInputs(result);
        throw missing.length > 0
          ? new SiteInputMissing(flags.target, missing)
          : new ExportRefused(flags.target, errors);
      }
      if (flags.outDir !== undefined)
        await writeFiles(flags.outDir, result, (path) => {
          context.stdout(`wrote ${path}\n`);
        });
      else context.stdout(renderStream(result.documents));
      reportIssues(
        context.stderr,
        summarise(`export of ${spec.metadata.name} to ${flags.target}`, result.documents.length, result.issues),
        result.issues,
      );
    });
}

async function readSpec(flags: ExportFlags, context: CliContext): Promise<ClusterSpec> {
  if ((flags.file === undefined) === (flags.cluster === undefined)) {
    throw new UsageError('give exactly one of -f FILE or --cluster NAME', {
      hint: 'slipway export -f cluster.yaml --target capi --site site.yaml',
    });
  }
  if (flags.file !== undefined) return loadClusterSpec(await readInputFile(flags.file, '--file'), flags.file);
  const name = flags.cluster ?? '';
  const engine = await context.engine();
  const spec = await engine.recordedSpec(name);
  if (spec === undefined)
    throw new NotFound(`cluster "${name}" has no recorded spec`, { hint: 'export its spec file with -f FILE instead' });
  return spec;
}

function printJson(result: ExportResult, errorCount: number, context: CliContext): void {
  const { target, documents, issues } = result;
  context.stdout(
    `${JSON.stringify({ target, documents, issues, missingSiteInputs: missingSiteInputs(result) }, null, 2)}\n`,
  );
  if (errorCount > 0) throw new SilentExit(ExitCode.invalidInput);
}

async function writeFiles(dir: string, result: ExportResult, wrote: (path: string) => void): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const document of result.documents) {
    const path = join(dir, document.file);
    await writeFile(path, result.files[document.file] ?? '');
    if (document.format === 'shell') await chmod(path, 0o755);
    wrote(path);
  }
}
