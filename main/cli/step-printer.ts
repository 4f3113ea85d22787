// Prints engine progress for long verbs on stderr: each named step with its time when it ends,
// log lines as they come. Results go to stdout so they can be piped.
import type { ProgressEvent, ProgressListener } from '../engine/types.js';
import type { CliIo } from './context.js';

/** Seconds with one decimal, e.g. "12.3 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A ProgressListener writing `✓ step  1.2 s  Title` lines. */
export function stepPrinter(io: CliIo): ProgressListener {
  const titles = new Map<string, string>();
  return (event: ProgressEvent) => {
    if (event.kind === 'step-start') {
      titles.set(event.step, event.title);
      return;
    }
    if (event.kind === 'log') {
      io.stderr(`    ${event.message}\n`);
      return;
    }
    const mark = event.ok ? '✓' : '✗';
    const title = titles.get(event.step) ?? '';
    io.stderr(` ${mark} ${event.step.padEnd(18)} ${formatSeconds(event.durationMs).padStart(8)}  ${title}\n`);
  };
}
