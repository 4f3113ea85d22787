// `--set section.key=value` arguments: parsed one by one (a malformed one is a usage error),
// applied over the site file, and blamed by name when their value does not validate.
import { UsageError, type Problem } from '../../errors.js';
import { escapeControlCharacters } from '../../spec/quote.js';
import { isPrototypeKey } from '../../spec/yaml-keys.js';
import { SITE_TABLE_KEYS, siteSectionKeys, siteSections } from './schema.js';

/** One `--set` argument, taken apart. */
export interface SiteSet {
  /** The argument as given, e.g. `vks.vmClass=best-effort-small`. */
  argument: string;
  section: string;
  field: string;
  /** `section.field`. */
  key: string;
  value: string;
}

/** A `--set` argument whose value was refused, with the problem found. */
export interface RejectedSet {
  argument: string;
  problem: Problem;
}

/** Parse `section.key=value`; the value may contain `=`. */
export function parseSiteSet(argument: string): SiteSet {
  const at = argument.indexOf('=');
  const key = at < 0 ? argument : argument.slice(0, at);
  const parts = key.split('.');
  if (at < 0 || parts.length !== 2 || parts.some((part) => part === '')) {
    throw new UsageError(
      `--set ${escapeControlCharacters(argument)}: expected section.key=value, such as vks.vmClass=best-effort-medium`,
    );
  }
  const [section = '', field = ''] = parts;
  // `__proto__.isAdmin=yes` would otherwise write to Object.prototype in applySiteSets.
  const internal = parts.find(isPrototypeKey);
  if (internal !== undefined) {
    throw new UsageError(
      `--set ${escapeControlCharacters(argument)}: "${internal}" is not a site section or key; the sections are ${siteSections().join(', ')}`,
    );
  }
  return { argument, section, field, key, value: argument.slice(at + 1) };
}

/** Size tables are lists of {name, cpus, memory}: a single --set value cannot hold one. */
export function tableSetProblems(sets: readonly SiteSet[]): RejectedSet[] {
  return sets
    .filter((set) => SITE_TABLE_KEYS.includes(set.key))
    .map((set) => ({
      argument: set.argument,
      problem: {
        path: set.key,
        message: `${set.key} is a size table (a list of {name, cpus, memory}) and cannot be given with --set; put it in the site file (--site FILE)`,
      },
    }));
}

/** A copy of the site value with each set applied, in order (a later one wins). */
export function applySiteSets(
  value: Readonly<Record<string, unknown>>,
  sets: readonly SiteSet[],
): Record<string, unknown> {
  const root = structuredClone(value) as Record<string, unknown>;
  for (const set of sets) {
    // Only own values: an inherited one (a prototype) must never be written through.
    const current = Object.hasOwn(root, set.section) ? root[set.section] : undefined;
    const section =
      current !== null && typeof current === 'object' && !Array.isArray(current)
        ? (current as Record<string, unknown>)
        : {};
    Object.defineProperty(section, set.field, {
      value: set.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(root, set.section, { value: section, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/** Pair each problem with the last --set that wrote its key (the one whose value counts). */
export function blameSets(problems: readonly Problem[], sets: readonly SiteSet[]): RejectedSet[] {
  return problems.map((problem) => {
    const set = [...sets].reverse().find((candidate) => covers(candidate, problem.path));
    const argument = set?.argument ?? sets.map((candidate) => candidate.argument).join(' ');
    return { argument, problem: set === undefined ? problem : explained(set, problem) };
  });
}

function covers(set: SiteSet, path: string): boolean {
  return path === set.section || path === set.key || path.startsWith(`${set.key}.`) || path.startsWith(`${set.key}[`);
}

// Unknown keys are typos on the command line: name the keys that exist instead of YAML hints.
function explained(set: SiteSet, problem: Problem): Problem {
  if (!problem.message.startsWith('unknown field')) return problem;
  const known = siteSectionKeys(set.section);
  const message =
    known === undefined
      ? `unknown site section "${set.section}"; the sections are ${siteSections().join(', ')}`
      : `unknown site input ${set.key}; ${set.section} has ${known.join(', ')}`;
  return { ...problem, message };
}
