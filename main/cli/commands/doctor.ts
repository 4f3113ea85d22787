// `slipway doctor`: host checks with what was found and how to fix it. Exit 1 when a check
// that blocks create fails.
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import type { DoctorCheck } from '../../engine/types.js';
import type { CliContext } from '../context.js';
import { outputOption, type OutputFlags } from '../options.js';
import { SilentExit } from '../silent-exit.js';

function formatCheck(check: DoctorCheck): string {
  const mark = check.ok ? '✓' : check.severity === 'error' ? '✗' : '!';
  const lines = [`${mark} ${check.title}: ${check.detail}`];
  if (check.fix && !check.ok) lines.push(`    fix: ${check.fix}`);
  else if (check.fix) lines.push(`    note: ${check.fix}`);
  return lines.join('\n');
}

/** Register `doctor`. */
export function registerDoctor(program: Command, context: CliContext): void {
  program
    .command('doctor')
    .description('check the host: engine, capabilities, cgroups, ports, disk, inotify')
    .addOption(outputOption())
    .action(async (flags: OutputFlags) => {
      const checks = await (await context.engine()).doctor();
      if (flags.output === 'json') context.stdout(`${JSON.stringify(checks, null, 2)}\n`);
      else context.stdout(`${checks.map(formatCheck).join('\n')}\n`);
      if (checks.some((check) => !check.ok && check.severity === 'error')) throw new SilentExit(ExitCode.runtime);
    });
}
