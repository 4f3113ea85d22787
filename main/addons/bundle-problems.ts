// Turns Zod issues on a bundle document into Problems with the path of the field and, when
// the YAML text is known, its line and column (the same shape main/spec reports).
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { formatPath, type PathSegment } from '../spec/problem-path.js';
import type { ParsedYaml } from '../spec/yaml-document.js';

type Positions = Pick<ParsedYaml, 'positionOf'>;

/** Every problem of one failed safeParse, sorted by position. */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], source?: Positions, prefix = ''): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, source, prefix));
}

function issueToProblems(issue: z.core.$ZodIssue, source: Positions | undefined, prefix: string): Problem[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      locate(
        { path: join(prefix, [...path, key]), message: `unknown field "${key}"; remove it or check its spelling` },
        [...path, key],
        source,
        true,
      ),
    );
  }
  if (issue.code === 'invalid_union') {
    const branches = issue.errors.map((branch) => zodIssuesToProblems(branch, source, prefix));
    // The branch with the fewest problems is the one the author most likely meant.
    const best = branches.sort((a, b) => a.length - b.length)[0];
    if (best && best.length > 0 && best.length <= 3) return best;
  }
  return [locate({ path: join(prefix, path), message: messageFor(issue) }, path, source)];
}

function join(prefix: string, path: PathSegment[]): string {
  const formatted = formatPath(path);
  if (prefix === '') return formatted;
  return formatted === '' ? prefix : `${prefix}${formatted.startsWith('[') ? '' : '.'}${formatted}`;
}

function locate(problem: Problem, path: PathSegment[], source?: Positions, atKey = false): Problem {
  for (let cut = path.length; cut >= 0; cut--) {
    const position = source?.positionOf(path.slice(0, cut), atKey && cut === path.length);
    if (position) return { ...problem, ...position };
  }
  return problem;
}

function messageFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected}, got ${Array.isArray(issue.input) ? 'a list' : typeof issue.input}`;
  return issue.message;
}
