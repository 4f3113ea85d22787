// Renders argument vectors as POSIX shell text. Commands are built as argv arrays; this is the
// one place that quotes them.
import type { ShellCommand } from './types.js';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
// Commands longer than this are split, one option per continued line.
const MAX_SINGLE_LINE = 80;

/** Quote one word for a POSIX shell, only when it needs it. */
export function quoteShellWord(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** One command; a long one gets each option on its own continued line. */
export function renderShellCommand(argv: readonly string[]): string {
  const single = argv.map(quoteShellWord).join(' ');
  if (single.length <= MAX_SINGLE_LINE) return single;
  const groups: string[][] = [];
  for (const word of argv) {
    const current = groups.at(-1);
    if (current === undefined || (word.startsWith('-') && word !== '-')) groups.push([quoteShellWord(word)]);
    else current.push(quoteShellWord(word));
  }
  return groups.map((group) => group.join(' ')).join(' \\\n  ');
}

/** The commands in order, each under its comment, separated by blank lines. */
export function renderShellCommands(commands: readonly ShellCommand[]): string {
  return commands
    .map(
      (command) =>
        `${command.comment === undefined ? '' : `# ${command.comment}\n`}${renderShellCommand(command.argv)}\n`,
    )
    .join('\n');
}

/** A shell script running the commands in order, stopping at the first failure. */
export function renderShellScript(title: string, commands: readonly ShellCommand[]): string {
  return `#!/bin/sh\n# ${title}\nset -eu\n\n${renderShellCommands(commands)}`;
}
