// `slipway kubectl NAME -- ARGS...`: the cluster's own kubectl (matching its version), run in
// its first control-plane node, for hosts without one. Standard input is passed through when
// it is not a terminal; kubectl's own errors are already on stderr, so only the status remains.
import type { Command } from 'commander';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ExitCode } from '../../errors.js';
import type { CliContext } from '../context.js';
import { SilentExit } from '../silent-exit.js';

/** A Writable that hands decoded text to one of the CLI's writers. */
function textSink(write: (text: string) => void): Writable {
  const decoder = new StringDecoder('utf8');
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(decoder.write(chunk));
      callback();
    },
    final(callback) {
      const rest = decoder.end();
      if (rest) write(rest);
      callback();
    },
  });
}

/** Register `kubectl`. */
export function registerKubectl(program: Command, context: CliContext): void {
  program
    .command('kubectl')
    .description("run the cluster's own kubectl against it: slipway kubectl NAME -- get pods -A")
    .argument('<name>', 'cluster name')
    .argument('[args...]', 'kubectl arguments (after --)')
    .allowUnknownOption()
    .action(async (name: string, args: string[]) => {
      const engine = await context.engine();
      const stdin = process.stdin.isTTY ? undefined : process.stdin;
      const code = await engine
        .kubectl(name, args, {
          stdin,
          stdout: textSink(context.stdout),
          stderr: textSink(context.stderr),
          signal: context.signal,
        })
        // kubectl may exit without reading all of stdin; stop reading so the CLI can exit.
        .finally(() => stdin?.destroy());
      if (code !== 0) throw new SilentExit(ExitCode.runtime);
    });
}
