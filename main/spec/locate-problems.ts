// Turns path issues into the problems users read: a printable path, and the line and column
// of the offending text when the document's positions are known; sorted in source order.
import type { Problem } from '../errors.js';
import { formatPath, type PathIssue } from './problem-path.js';
import type { ParsedYaml } from './yaml-document.js';

export type PositionSource = Pick<ParsedYaml, 'positionOf'>;

export function locateProblems(issues: readonly PathIssue[], source?: PositionSource): Problem[] {
  return sortProblems(issues.map((issue) => locate(issue, source)));
}

function locate(issue: PathIssue, source?: PositionSource): Problem {
  const problem: Problem = { path: formatPath(issue.path), message: issue.message };
  // Missing fields have no node of their own: point at the closest parent that exists.
  for (let cut = issue.path.length; cut >= 0; cut--) {
    const position = source?.positionOf(issue.path.slice(0, cut), issue.atKey === true && cut === issue.path.length);
    if (position) return { ...problem, ...position };
  }
  return problem;
}

/** Source order (line, column), then path; problems without a position come first. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.path.localeCompare(b.path),
  );
}
