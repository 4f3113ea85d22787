// Strict loading of a cluster spec: YAML text → every problem with its path and position →
// a spec with defaults applied. Nothing here touches the host.
import type { z } from 'zod';
import { SpecInvalid, type Problem } from '../errors.js';
import { locateProblems, type PositionSource } from './locate-problems.js';
import { nodeLayoutProblems } from './node-layout.js';
import { nonPlainValues } from './plain-data.js';
import type { PathIssue, PathSegment } from './problem-path.js';
import { quote } from './quote.js';
import { clusterSpecSchema, type ClusterSpec } from './schema.js';
import { parseYamlDocument, type ParsedYaml } from './yaml-document.js';

export type ValidationResult = { ok: true; spec: ClusterSpec } | { ok: false; problems: Problem[] };

/** Validate YAML text; never throws for any input. */
export function validateClusterSpecText(text: string): ValidationResult {
  return validateParsedClusterSpec(parseYamlDocument(text));
}

/** Validate a parsed YAML document (its value and positions). */
export function validateParsedClusterSpec(parsed: ParsedYaml): ValidationResult {
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  return validateClusterSpecValue(parsed.value, parsed);
}

/** Validate an already-parsed value (from JSON, IPC or YAML). */
export function validateClusterSpecValue(value: unknown, source?: PositionSource): ValidationResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ path: '', message: 'a cluster spec must be a mapping with apiVersion, kind, metadata and spec' }],
    };
  }
  // Binary data, sets and the like would confuse every later check (a Buffer has "fields").
  const nonPlain = nonPlainValues(value);
  if (nonPlain.length > 0) return { ok: false, problems: locateProblems(nonPlain, source) };
  const result = clusterSpecSchema.safeParse(value, { reportInput: true });
  const issues = [
    ...(result.success ? [] : result.error.issues.flatMap(issueToPathIssues)),
    ...nodeLayoutProblems(value),
  ];
  if (result.success && issues.length === 0) return { ok: true, spec: result.data };
  return { ok: false, problems: locateProblems(issues, source) };
}

/** Load YAML text or throw SpecInvalid listing every problem. */
export function loadClusterSpec(text: string, sourceName?: string): ClusterSpec {
  const result = validateClusterSpecText(text);
  if (!result.ok) throw new SpecInvalid(result.problems, { source: sourceName });
  return result.spec;
}

function issueToPathIssues(issue: z.core.$ZodIssue): PathIssue[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `unknown field ${quote(key)}; remove it or check its spelling and indentation`,
      atKey: true,
    }));
  }
  const atKey = issue.code === 'custom' && issue.params?.atKey === true;
  return [{ path, message: messageFor(issue), atKey }];
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
  if (typeof value === 'string') return `the string ${quote(value, 40)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}
