// How export and import report issues on the terminal: one line per issue on stderr, after
// the documents, and a summary line that counts them, so warnings never hide.
import { countBySeverity, type ExportIssue } from '../export/index.js';

/** One issue as a line: `warning LOSSY_MAPPING spec.workers[0].resources: message`. */
export function formatIssue(found: ExportIssue): string {
  const where = found.path === '' ? '' : ` ${found.path}`;
  const needs = found.needsInput !== undefined && found.path !== found.needsInput ? ` (needs ${found.needsInput})` : '';
  return `${found.severity} ${found.code}${where}: ${found.message}${needs}`;
}

/** `3 documents, 0 errors, 5 warnings, 6 notes` style counts (documents left out when undefined). */
export function summarise(what: string, documents: number | undefined, issues: readonly ExportIssue[]): string {
  const counts = countBySeverity(issues);
  const plural = (count: number, noun: string) => `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'note')];
  return `${what}: ${[...(documents === undefined ? [] : [plural(documents, 'document')]), ...parts].join(', ')}`;
}

/** Every issue, then the summary line. */
export function reportIssues(write: (text: string) => void, summary: string, issues: readonly ExportIssue[]): void {
  for (const found of issues) write(`${formatIssue(found)}\n`);
  write(`${summary}\n`);
}
