// `slipway dashboard NAME`: prints the dashboard's URL and a freshly minted login token, and
// keeps a loopback port-forward open until Ctrl-C (or prints the ingress URL with --no-port-forward).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { DashboardFlags } from './dashboard-session.js';

/** Register `slipway dashboard`. */
export function registerDashboard(program: Command, context: CliContext): void {
  program
    .command('dashboard')
    .description('print the dashboard URL and a login token (keeps a port-forward open until Ctrl-C)')
    .argument('<cluster>', 'cluster name')
    .option('--port <port>', 'local port for the port-forward (default: any free port)', (v) => Number(v), 0)
    .option('--no-port-forward', 'print the ingress URL and a token, then exit')
    .action(async (cluster: string, flags: DashboardFlags) => {
      const { runDashboard } = await import('./dashboard-session.js');
      await runDashboard(context, cluster, flags);
    });
}
