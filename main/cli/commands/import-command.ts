// `slipway import --from kind FILE [-o FILE]`: turn a kind config into a Slipway spec, so kind
// users can move over; whatever kind can say that a spec cannot is reported. The work is in
// ./import-run.ts, loaded only when the verb runs.
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { outputOption } from '../options.js';
import type { ImportFlags } from './import.js';

export function registerImport(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('import a kind config as a Slipway cluster spec')
    .argument('<file>', 'kind config YAML ("-" for standard input)')
    .addOption(new Option('--from <format>', 'what the file is').choices(['kind']).makeOptionMandatory())
    .option('-o, --out <file>', 'write the spec YAML to FILE (its folder must exist) instead of printing it')
    .addOption(outputOption())
    .action(async (file: string, flags: ImportFlags) => {
      const { runImport } = await import('./import.js');
      await runImport(context, file, flags);
    });
}
