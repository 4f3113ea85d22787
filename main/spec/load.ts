// Strict loading of a cluster spec: YAML text → every problem with its path and position →
// a spec with defaults applied. Nothing here touches the host.
import type { z } from 'zod';
import { SpecInvalid, type Problem } from '../errors.js';
import { formatPath, type PathSegment } from './problem-path.js';
import { clusterSpecSchema, type ClusterSpec } from './schema.js';
import { parseYamlDocument, type ParsedYaml } from './yaml-document.js';

export type ValidationResult = { ok: true; spec: ClusterSpec } | { ok: false; problems: Problem[] };

/** Validate YAML text; never throws for any input. */
export function validateClusterSpecText(text: string): ValidationResult {
  const parsed = parseYamlDocument(text);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  return validateClusterSpecValue(parsed.value, parsed);
}

/** Validate an already-parsed value (from JSON, IPC or YAML). */
export function validateClusterSpecValue(value: unknown, source?: Pick<ParsedYaml, 'positionOf'>): ValidationResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ path: '', message: 'a cluster spec must be a mapping with apiVersion, kind, metadata and spec' }],
    };
  }
  const result = clusterSpecSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, spec: result.data };
  const problems = result.error.issues.flatMap((issue) => issueToProblems(issue, source));
  return { ok: false, problems: sortProblems(problems) };
}

/** Load YAML text or throw SpecInvalid listing every problem. */
export function loadClusterSpec(text: string, sourceName?: string): ClusterSpec {
  const result = validateClusterSpecText(text);
  if (!result.ok) throw new SpecInvalid(result.problems, { source: sourceName });
  return result.spec;
}

function issueToProblems(issue: z.core.$ZodIssue, source?: Pick<ParsedYaml, 'positionOf'>): Problem[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      withPosition(
        {
          path: formatPath([...path, key]),
          message: `unknown field "${key}"; remove it or check its spelling and indentation`,
        },
        [...path, key],
        true,
        source,
      ),
    );
  }
  return [withPosition({ path: formatPath(path), message: messageFor(issue) }, path, false, source)];
}

function withPosition(
  problem: Problem,
  path: PathSegment[],
  atKey: boolean,
  source?: Pick<ParsedYaml, 'positionOf'>,
): Problem {
  // Missing fields have no node of their own: point at the closest parent that exists.
  for (let cut = path.length; cut >= 0; cut--) {
    const position = source?.positionOf(path.slice(0, cut), atKey && cut === path.length);
    if (position) return { ...problem, ...position };
  }
  return problem;
}

function messageFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return `is required (${issue.expected})`;
    if (issue.message.startsWith('Invalid input'))
      return `must be ${article(issue.expected)}, got ${describe(issue.input)}`;
  }
  return issue.message;
}

function article(expected: string): string {
  if (expected === 'object') return 'a mapping';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.path.localeCompare(b.path),
  );
}
