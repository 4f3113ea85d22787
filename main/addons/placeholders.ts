// Substitution of `${scope.path}` placeholders inside parsed YAML values (never inside text):
// a scalar that is exactly one placeholder takes the value with its type (a port stays a
// number); a placeholder inside a longer string is interpolated as text.
import { SpecInvalid } from '../errors.js';

const PLACEHOLDER = /\$\{([a-z]+(?:\.[A-Za-z0-9_-]+)+)\}/g;
const WHOLE = /^\$\{([a-z]+(?:\.[A-Za-z0-9_-]+)+)\}$/;

/** Values placeholders may refer to: `params`, `images`, `cluster`, `addon`. */
export type PlaceholderScope = Record<string, Record<string, unknown>>;

/** Every placeholder reference (`params.httpPort`) inside a value, in document order. */
export function findPlaceholders(value: unknown): string[] {
  const found: string[] = [];
  visitStrings(value, (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) if (match[1]) found.push(match[1]);
  });
  return found;
}

/** A deep copy of `value` with every placeholder replaced; throws SpecInvalid on unknown ones. */
export function substitutePlaceholders<T>(value: T, scope: PlaceholderScope, where: string): T {
  return substitute(value, scope, where) as T;
}

function substitute(value: unknown, scope: PlaceholderScope, where: string): unknown {
  if (typeof value === 'string') return substituteString(value, scope, where);
  if (Array.isArray(value)) return value.map((item) => substitute(item, scope, where));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = substitute(item, scope, where);
    return copy;
  }
  return value;
}

function substituteString(text: string, scope: PlaceholderScope, where: string): unknown {
  const whole = WHOLE.exec(text);
  if (whole?.[1]) return lookup(whole[1], scope, where);
  return text.replace(PLACEHOLDER, (_match, reference: string) => {
    const resolved = lookup(reference, scope, where);
    if (resolved !== null && typeof resolved === 'object') {
      throw new SpecInvalid([
        { path: where, message: `\${${reference}} is not a scalar and cannot be part of a string` },
      ]);
    }
    return String(resolved);
  });
}

/** The value a dotted reference points at, or a SpecInvalid naming it. */
export function lookup(reference: string, scope: PlaceholderScope, where: string): unknown {
  const [head = '', ...rest] = reference.split('.');
  let current: unknown = scope[head];
  for (const key of rest) {
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  if (current === undefined) {
    throw new SpecInvalid([{ path: where, message: `unknown placeholder \${${reference}}` }]);
  }
  return current;
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') {
    visit(value);
  } else if (Array.isArray(value)) {
    for (const item of value) visitStrings(item, visit);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) visitStrings(item, visit);
  }
}
