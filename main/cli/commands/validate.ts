// `slipway validate -f FILE`: check a spec — and its add-ons against their bundles, as create
// does — and print every problem with its path.
import type { Command } from 'commander';
import { ExitCode, SpecInvalid } from '../../errors.js';
import { validateClusterSpecTextWithBundles } from '../../addons/spec-checks.js';
import type { CliContext } from '../context.js';
import { SilentExit } from '../silent-exit.js';
import { CLUSTER_SPEC_FILE, readInputFile } from '../read-input.js';
import { outputOption, type OutputFlags } from '../options.js';

export function registerValidate(program: Command, context: CliContext): void {
  program
    .command('validate')
    .description('check a cluster spec and print every problem with its path')
    .requiredOption('-f, --file <file>', 'cluster spec YAML file ("-" for standard input)')
    .addOption(outputOption())
    .action(async (flags: { file: string } & OutputFlags) => {
      const text = await readInputFile(flags.file, '--file', { what: CLUSTER_SPEC_FILE, signal: context.signal });
      const result = await validateClusterSpecTextWithBundles(text);
      if (flags.output === 'json') {
        context.stdout(
          `${JSON.stringify(result.ok ? { valid: true, spec: result.spec } : { valid: false, problems: result.problems }, null, 2)}\n`,
        );
        if (!result.ok) throw new SilentExit(ExitCode.invalidInput);
        return;
      }
      if (!result.ok) throw new SpecInvalid(result.problems, { source: flags.file });
      context.stdout(`${flags.file}: valid (cluster "${result.spec.metadata.name}")\n`);
    });
}
