// `slipway kubeconfig NAME`: print a standalone kubeconfig for the cluster.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Register `kubeconfig`. */
export function registerKubeconfig(program: Command, context: CliContext): void {
  program
    .command('kubeconfig')
    .description("print a cluster's kubeconfig (context slipway-NAME, API on the host)")
    .argument('<name>', 'cluster name')
    .action(async (name: string) => {
      context.stdout(await (await context.engine()).kubeconfig(name));
    });
}
