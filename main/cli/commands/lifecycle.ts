// `slipway start|stop|delete NAME`: the cluster lifecycle.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { parseDuration } from '../duration.js';
import { stepPrinter } from '../step-printer.js';

/** Register `start`, `stop` and `delete`. */
export function registerLifecycle(program: Command, context: CliContext): void {
  program
    .command('start')
    .description('start a stopped cluster and wait until it is ready')
    .argument('<name>', 'cluster name')
    .option('--wait <duration>', 'how long to wait for nodes Ready and CoreDNS; 0 does not wait', '5m')
    .action(async (name: string, flags: { wait: string }) => {
      const waitTimeoutMs = parseDuration(flags.wait, '--wait');
      const summary = await (
        await context.engine()
      ).startCluster(name, { waitTimeoutMs, signal: context.signal, onProgress: stepPrinter(context) });
      context.stdout(`cluster "${name}" is ${summary.state}: API ${summary.apiEndpoint ?? '?'}\n`);
    });
  program
    .command('stop')
    .description('stop a cluster, keeping its state')
    .argument('<name>', 'cluster name')
    .action(async (name: string) => {
      await (await context.engine()).stopCluster(name, { signal: context.signal, onProgress: stepPrinter(context) });
      context.stdout(`cluster "${name}" stopped (start it again with \`slipway start ${name}\`)\n`);
    });
  program
    .command('delete')
    .description('delete a cluster and everything it made (containers, network, volumes, kubeconfig context)')
    .argument('<name>', 'cluster name')
    .action(async (name: string) => {
      await (await context.engine()).deleteCluster(name, { signal: context.signal });
      context.stdout(`cluster "${name}" deleted\n`);
    });
}
