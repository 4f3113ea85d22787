// Options shared by several verbs.
import { Option } from 'commander';
import type { OutputFormat } from './context.js';

export interface OutputFlags {
  output: OutputFormat;
}

/** `-o/--output text|json` for read verbs. */
export function outputOption(): Option {
  return new Option('--output <format>', 'output format').choices(['text', 'json']).default('text');
}

/** Parse repeated `--set key=value` flags into an ordered list of pairs. */
export function collectKeyValue(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
