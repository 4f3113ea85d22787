// `slipway logs NAME [-o DIR]`: collect node, kubelet, containerd and pod logs for a bug report.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { CliContext } from '../context.js';
import { stepPrinter } from '../step-printer.js';

/** Register `logs`. */
export function registerLogs(program: Command, context: CliContext): void {
  program
    .command('logs')
    .description('collect node, kubelet, containerd and pod logs into a directory')
    .argument('<name>', 'cluster name')
    .option('-o, --output-dir <dir>', 'where to write them (default: ./slipway-logs-NAME-TIMESTAMP)')
    .action(async (name: string, flags: { outputDir?: string }) => {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const dir = resolve(flags.outputDir ?? `slipway-logs-${name}-${stamp}`);
      const files = await (
        await context.engine()
      ).collectLogs(name, dir, { signal: context.signal, onProgress: stepPrinter(context) });
      context.stdout(`wrote ${String(files.length)} files to ${dir}\n`);
    });
}
