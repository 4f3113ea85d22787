// Small constructors for export issues, so exporters read as a list of findings.
import { formatPath, type PathSegment } from '../spec/problem-path.js';
import type { IssueCode } from './issue-codes.js';
import type { ExportIssue, IssueSeverity } from './types.js';

/** One issue; `path` is a spec path given as segments (['spec', 'workers', 0, 'labels']). */
export function issue(
  code: IssueCode,
  severity: IssueSeverity,
  path: readonly PathSegment[] | string,
  message: string,
  needsInput?: string,
): ExportIssue {
  const text = typeof path === 'string' ? path : formatPath(path);
  return needsInput === undefined
    ? { code, severity, path: text, message }
    : { code, severity, path: text, message, needsInput };
}

/** Path of a worker pool field: spec.workers[i].field. */
export function poolPath(index: number, ...rest: PathSegment[]): PathSegment[] {
  return ['spec', 'workers', index, ...rest];
}

/** Count issues by severity, for summary lines. */
export function countBySeverity(issues: readonly ExportIssue[]): Record<IssueSeverity, number> {
  const counts: Record<IssueSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const found of issues) counts[found.severity] += 1;
  return counts;
}
