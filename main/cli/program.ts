// The `slipway` command tree. Each verb lives in commands/<verb>.ts and is registered here.
import { Command, Option } from 'commander';
import { SLIPWAY_VERSION } from '../version.js';
import { registerAddons } from './commands/addons.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerValidate } from './commands/validate.js';
import type { CliContext } from './context.js';
import { registerPending } from './pending.js';

export function buildProgram(context: CliContext): Command {
  const program = new Command('slipway')
    .description('Local multi-node Kubernetes in containers, with add-on bundles and production exports.')
    .version(SLIPWAY_VERSION, '--version', 'print the Slipway version')
    .addOption(new Option('--verbose', 'print stack traces and command output on errors'))
    .showSuggestionAfterError()
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .exitOverride();

  registerValidate(program, context);
  registerPending(program, 'create', 'create a cluster and wait until it is ready', 'the cluster engine');
  registerPending(program, 'list', 'list clusters with status, nodes, version and API endpoint', 'the cluster engine');
  registerPending(program, 'get <name>', 'show one cluster', 'the cluster engine');
  registerPending(program, 'start <name>', 'start a stopped cluster', 'the cluster engine');
  registerPending(program, 'stop <name>', 'stop a cluster, keeping its state', 'the cluster engine');
  registerPending(program, 'delete <name>', 'delete a cluster and everything it made', 'the cluster engine');
  registerPending(program, 'kubeconfig <name>', "print a cluster's kubeconfig", 'the cluster engine');
  registerPending(program, 'kubectl <name>', "run the cluster's own kubectl against it", 'the cluster engine');
  registerPending(
    program,
    'image',
    'copy host images into every node (image load NAME IMAGE...)',
    'the cluster engine',
  );
  registerPending(program, 'logs <name>', 'collect node, kubelet and containerd logs', 'the cluster engine');
  registerPending(
    program,
    'doctor',
    'check the host: engine, capabilities, cgroups, ports, disk, inotify',
    'the cluster engine',
  );
  registerAddons(program, context);
  registerDashboard(program, context);
  registerExport(program, context);
  registerImport(program, context);
  return program;
}
