// `slipway export (-f FILE | --cluster NAME) --target T`: turn a cluster spec into the documents
// a production platform accepts, with every lossy or platform-fixed value reported. The work
// is in ./export.ts, loaded only when the verb runs.
import { Option, type Command } from 'commander';
import { EXPORT_TARGETS } from '../../lib/export-targets.js';
import type { CliContext } from '../context.js';
import { collectKeyValue, outputOption } from '../options.js';
import type { ExportFlags } from './export.js';

export function registerExport(program: Command, context: CliContext): void {
  program
    .command('export')
    .description(`export a cluster spec to ${EXPORT_TARGETS.join(', ')} (see docs/export.md)`)
    .option('-f, --file <file>', 'cluster spec YAML file ("-" for standard input)')
    .option('--cluster <name>', 'export what a cluster runs: its recorded spec, version and add-ons')
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
      const { runExport } = await import('./export.js');
      await runExport(context, flags);
    });
}
