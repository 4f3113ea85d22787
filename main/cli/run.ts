// Runs the CLI for an argv and returns the exit status: 0 ok, 1 runtime failure, 2 invalid
// input or usage (docs/cli.md#exit-statuses). All printing of errors happens here.
import { CommanderError } from 'commander';
import { ExitCode } from '../errors.js';
import type { Engine } from '../engine/types.js';
import type { CliContext, CliIo } from './context.js';
import { printError } from './print-error.js';
import { buildProgram } from './program.js';
import { SilentExit } from './silent-exit.js';

export interface RunCliOptions {
  io?: CliIo;
  /** Engine factory; the default creates the Docker engine on first use. */
  createEngine?: () => Promise<Engine>;
}

export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<number> {
  const io = options.io ?? {
    stdout: (t: string) => process.stdout.write(t),
    stderr: (t: string) => process.stderr.write(t),
  };
  // Only Slipway's own arguments: after `--` they belong to kubectl.
  const separator = argv.indexOf('--');
  const verbose = (separator === -1 ? argv : argv.slice(0, separator)).includes('--verbose');
  const controller = new AbortController();
  // Stays registered for the whole run: with `once`, signal-exit (loaded by proper-lockfile)
  // would see itself as the last listener and re-raise SIGINT, killing us mid-cleanup.
  // A second Ctrl-C forces the exit.
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) {
      io.stderr('\ninterrupted again: exiting without cleaning up\n');
      process.exit(130);
    }
    io.stderr('\ninterrupted: cancelling and cleaning up…\n');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSigint);
  let engine: Promise<Engine> | undefined;
  const context: CliContext = {
    ...io,
    verbose,
    signal: controller.signal,
    engine: () => (engine ??= (options.createEngine ?? defaultEngine)()),
  };
  try {
    await buildProgram(context).parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof SilentExit) return error.exitCode;
    if (error instanceof CommanderError) return commanderExit(error);
    return printError(io, error, verbose);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function commanderExit(error: CommanderError): number {
  // Commander already printed its message; help and --version exit 0.
  if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
    return ExitCode.ok;
  return ExitCode.invalidInput;
}

async function defaultEngine(): Promise<Engine> {
  const [{ createDefaultEngine }, { specAddonHooks }] = await Promise.all([
    import('../engine/index.js'),
    import('../addons/engine-hooks.js'),
  ]);
  return createDefaultEngine({ specAddons: specAddonHooks });
}
