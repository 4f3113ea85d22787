// The `slipway` command tree. Each verb lives in commands/<verb>.ts; a verb whose work needs
// heavy modules registers from commands/<verb>-command.ts and loads <verb>.ts when it runs.
import { Command, Option } from 'commander';
import { escapeControlCharacters } from '../spec/quote.js';
import { SLIPWAY_VERSION } from '../version.js';
import { registerAddons } from './commands/addons.js';
import { registerCreate } from './commands/create-command.js';
import { registerDoctor } from './commands/doctor.js';
import { registerImage } from './commands/image.js';
import { registerKubeconfig } from './commands/kubeconfig.js';
import { registerKubectl } from './commands/kubectl.js';
import { registerLifecycle } from './commands/lifecycle.js';
import { registerList } from './commands/list.js';
import { registerLogs } from './commands/logs.js';
import { registerReleases } from './commands/releases.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerExport } from './commands/export-command.js';
import { registerImport } from './commands/import-command.js';
import { registerValidate } from './commands/validate-command.js';
import type { CliContext } from './context.js';

export function buildProgram(context: CliContext): Command {
  const program = new Command('slipway')
    .description('Local multi-node Kubernetes in containers, with add-on bundles and production exports.')
    .version(SLIPWAY_VERSION, '--version', 'print the Slipway version')
    .addOption(new Option('--verbose', 'print stack traces and command output on errors'))
    .showSuggestionAfterError()
    // Commander quotes arguments as typed in its errors: escape codes in them stay escaped.
    .configureOutput({
      writeOut: context.stdout,
      writeErr: context.stderr,
      outputError: (text, write) => {
        write(`${text.trimEnd().split('\n').map(escapeControlCharacters).join('\n')}\n`);
      },
    })
    .exitOverride();

  registerValidate(program, context);
  registerCreate(program, context);
  registerList(program, context);
  registerReleases(program, context);
  registerLifecycle(program, context);
  registerKubeconfig(program, context);
  registerKubectl(program, context);
  registerImage(program, context);
  registerLogs(program, context);
  registerDoctor(program, context);
  registerAddons(program, context);
  registerDashboard(program, context);
  registerExport(program, context);
  registerImport(program, context);
  return program;
}
