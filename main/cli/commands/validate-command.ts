// `slipway validate -f FILE`: check a spec — and its add-ons against their bundles, as create
// does — and print every problem with its path. The work is in ./validate.ts, loaded only
// when the verb runs, so registering it costs `slipway --version` nothing.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { outputOption } from '../options.js';
import type { ValidateFlags } from './validate.js';

export function registerValidate(program: Command, context: CliContext): void {
  program
    .command('validate')
    .description('check a cluster spec and print every problem with its path')
    .requiredOption('-f, --file <file>', 'cluster spec YAML file ("-" for standard input)')
    .addOption(outputOption())
    .action(async (flags: ValidateFlags) => {
      const { runValidate } = await import('./validate.js');
      await runValidate(context, flags);
    });
}
