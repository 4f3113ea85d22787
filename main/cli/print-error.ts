// Errors are printed once, here, at the edge: one clear line, details for spec problems and
// failed commands, and a stack trace only with --verbose.
import { CommandFailed, SpecInvalid, findCause, toSlipwayError, type Problem } from '../errors.js';
import { escapeControlCharacters } from '../spec/quote.js';
import type { CliIo } from './context.js';

/** One problem as one line: `file:line:column: path: message` (parts that are unknown left out). */
export function formatProblem(problem: Problem, source?: string): string {
  const position = problem.line !== undefined ? `${String(problem.line)}:${String(problem.column ?? 1)}` : '';
  const where = [source, position].filter((part) => part !== undefined && part !== '').join(':');
  const path = problem.path === '' ? '' : `${problem.path}: `;
  // Messages quote user text already; escaping here is the last guard against a document or a
  // file name that splits the line or forges another.
  return escapeControlCharacters(`${where === '' ? '' : `${where}: `}${path}${problem.message}`);
}

export function printError(io: CliIo, thrown: unknown, verbose: boolean): number {
  const error = toSlipwayError(thrown);
  // Messages and hints carry flags and values as typed: escape codes in them must not reach
  // the terminal. Line breaks of the message's own layout are kept; user text escapes its own.
  io.stderr(`error: ${printable(error.message)}\n`);
  if (error instanceof SpecInvalid) {
    for (const problem of error.problems) io.stderr(`  ${formatProblem(problem, error.source)}\n`);
  }
  const failed = findCause(error, CommandFailed);
  if (failed && failed.stderr.trim() !== '' && verbose) io.stderr(indent(failed.stderr.trim()));
  if (error.hint) io.stderr(`hint: ${printable(error.hint)}\n`);
  if (verbose) io.stderr(`${(thrown instanceof Error ? thrown.stack : undefined) ?? String(thrown)}\n`);
  return error.exitCode;
}

function printable(text: string): string {
  return text.split('\n').map(escapeControlCharacters).join('\n');
}

function indent(text: string): string {
  return `${text
    .split('\n')
    .map((line) => `  | ${line}`)
    .join('\n')}\n`;
}
