// `slipway list` and `slipway get NAME`: clusters as their containers describe them.
import type { Command } from 'commander';
import { formatCluster, formatClusterList } from '../cluster-table.js';
import type { CliContext } from '../context.js';
import { outputOption, type OutputFlags } from '../options.js';

/** Register `list` and `get`. */
export function registerList(program: Command, context: CliContext): void {
  program
    .command('list')
    .description('list clusters with status, nodes, version and API endpoint')
    .addOption(outputOption())
    .action(async (flags: OutputFlags) => {
      const clusters = await (await context.engine()).listClusters();
      context.stdout(flags.output === 'json' ? `${JSON.stringify(clusters, null, 2)}\n` : formatClusterList(clusters));
    });
  program
    .command('get')
    .description('show one cluster: state, nodes, version, API endpoint')
    .argument('<name>', 'cluster name')
    .addOption(outputOption())
    .action(async (name: string, flags: OutputFlags) => {
      const cluster = await (await context.engine()).getCluster(name);
      context.stdout(flags.output === 'json' ? `${JSON.stringify(cluster, null, 2)}\n` : formatCluster(cluster));
    });
}
