// Verbs of the CLI contract (DESIGN §3) whose capability has not landed yet fail with one
// clear line naming the issue that brings them, instead of pretending to work.
import type { Command } from 'commander';
import { SlipwayError } from '../errors.js';

export class NotAvailableYet extends SlipwayError {
  override readonly code = 'NOT_AVAILABLE_YET';
}

export function registerPending(program: Command, usage: string, description: string, capability: string): void {
  const [name = usage, ...args] = usage.split(' ');
  const command = program.command(name).description(`${description} (not available yet)`);
  for (const arg of args) command.argument(arg);
  command.allowUnknownOption().allowExcessArguments();
  command.action(() => {
    throw new NotAvailableYet(`\`slipway ${name}\` is not available yet: it arrives with ${capability}`);
  });
}
