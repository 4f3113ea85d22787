// `slipway create [-f FILE] [--name N] [--image REF] [--retain] [--wait DURATION]`: create a
// cluster and wait until it is ready, printing each named step with its time as it ends. The
// work is in ./create.ts, loaded only when the verb runs.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { CreateFlags } from './create.js';

/** Register `create`. */
export function registerCreate(program: Command, context: CliContext): void {
  program
    .command('create')
    .description('create a cluster and wait until it is ready')
    .option(
      '-f, --file <file>',
      'cluster spec YAML file ("-" for standard input); default: the embedded default cluster',
    )
    .option('--name <name>', 'cluster name (overrides metadata.name)')
    .option('--image <ref>', 'node image (overrides spec.nodeImage)')
    .option('--retain', 'keep what was made when create fails, for debugging')
    .option('--wait <duration>', 'how long to wait for nodes Ready and CoreDNS; 0 does not wait', '5m')
    .action(async (flags: CreateFlags) => {
      const { runCreate } = await import('./create.js');
      await runCreate(context, flags);
    });
}
