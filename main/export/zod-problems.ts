// Converts Zod issues into Slipway problems with paths and, when the text was YAML, positions.
// Parse with `{ reportInput: true }`: without the input, a wrong type cannot be told from a
// missing value.
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { formatPath, type PathSegment } from '../spec/problem-path.js';
import type { ParsedYaml } from '../spec/yaml-document.js';

/** Every problem of a failed Zod parse, positioned in the source when known. */
export function zodIssuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  parsed?: Pick<ParsedYaml, 'positionOf'>,
): Problem[] {
  return issues.flatMap((found) => {
    const path = found.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (found.code === 'unrecognized_keys') {
      return found.keys.map((key) =>
        positioned(
          { path: formatPath([...path, key]), message: `unknown field "${key}"; check its spelling and indentation` },
          [...path, key],
          parsed,
        ),
      );
    }
    const message =
      found.code === 'invalid_type' && found.input === undefined ? `is required (${found.expected})` : found.message;
    return [positioned({ path: formatPath(path), message }, path, parsed)];
  });
}

function positioned(problem: Problem, path: PathSegment[], parsed?: Pick<ParsedYaml, 'positionOf'>): Problem {
  for (let cut = path.length; cut >= 0; cut--) {
    const position = parsed?.positionOf(path.slice(0, cut));
    if (position) return { ...problem, ...position };
  }
  return problem;
}
