// `slipway releases`: the supported Kubernetes releases, their end of life and node images.
import type { Command } from 'commander';
import type { ReleaseStatus } from '../../engine/release-status.js';
import type { CliContext } from '../context.js';
import { outputOption, type OutputFlags } from '../options.js';
import { textTable } from '../text-table.js';

function imageCell(status: ReleaseStatus): string {
  if (status.nodeImage) return `${status.nodeImage.source} ${status.nodeImage.ref}`;
  return `missing: ${status.howToGet ?? ''}`;
}

/** The table `slipway releases` prints. */
export function formatReleases(statuses: readonly ReleaseStatus[]): string {
  const rows = statuses.map((s) => [
    s.release,
    s.patch,
    `${s.endOfLife}${s.ended ? ' (ended)' : ''}`,
    s.default ? 'yes' : '',
    imageCell(s),
  ]);
  return textTable([['RELEASE', 'PATCH', 'END OF LIFE', 'DEFAULT', 'NODE IMAGE'], ...rows]);
}

/** Register `releases`. */
export function registerReleases(program: Command, context: CliContext): void {
  program
    .command('releases')
    .description('list the supported Kubernetes releases, their end of life and node images')
    .addOption(outputOption())
    .action(async (flags: OutputFlags) => {
      const statuses = await (await context.engine()).releases();
      context.stdout(flags.output === 'json' ? `${JSON.stringify(statuses, null, 2)}\n` : formatReleases(statuses));
    });
}
