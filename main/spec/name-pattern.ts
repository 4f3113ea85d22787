// Pod name filters (the logs page, `logs:follow`): a word matches names that contain it,
// `*` (any run) and `?` (one character) make a whole-name glob, and commas separate
// alternatives (`coredns,kube-proxy-*`). The filter comes from the
// untrusted renderer, so it is not a RegExp: matching is one bounded loop, linear in the
// name for each pattern position, whatever the pattern (no backtracking blow-up).

/** What a filter may hold: the characters of pod names plus the two wildcards. */
export const NAME_PATTERN_SYNTAX = /^[a-z0-9.,*?-]*$/;

/** Longest filter accepted. */
export const MAX_NAME_PATTERN_LENGTH = 200;

/** Why a filter is refused, or undefined when it is a valid filter. */
export function namePatternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_NAME_PATTERN_LENGTH) return `must be at most ${String(MAX_NAME_PATTERN_LENGTH)} characters`;
  if (!NAME_PATTERN_SYNTAX.test(pattern))
    return 'may hold lower-case letters, digits, ".", "-", the wildcards * and ? and commas between alternatives, such as coredns,kube-proxy-*';
  return undefined;
}

/** A predicate for names; an empty filter matches every name. */
export function namePatternMatcher(pattern: string): (name: string) => boolean {
  const alternatives = pattern.split(',').filter((alternative) => alternative !== '');
  if (alternatives.length === 0) return () => true;
  const matchers = alternatives.map(alternativeMatcher);
  return (name) => matchers.some((matches) => matches(name));
}

function alternativeMatcher(pattern: string): (name: string) => boolean {
  if (!/[*?]/.test(pattern)) return (name) => name.includes(pattern);
  return (name) => globMatches(pattern, name);
}

// The classic two-pointer wildcard match: on a mismatch, return to the last `*` and let it
// absorb one more character. At most pattern.length * name.length steps.
function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
