// What every command gets: where to write, how to format, and a lazily made engine (so that
// `validate` and `export -f` never need Docker).
import type { Engine } from '../engine/types.js';

export type OutputFormat = 'text' | 'json';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliContext extends CliIo {
  verbose: boolean;
  /** Lazily creates the engine on first use. */
  engine: () => Promise<Engine>;
  /** Aborted on Ctrl-C so long tasks clean up. */
  signal: AbortSignal;
}
