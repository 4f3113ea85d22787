// A spec is plain data: mappings, lists, strings, numbers, booleans and null. YAML 1.1 tags
// (!!binary, !!omap, !!set, !!timestamp) and structured clones can carry other values — a Buffer
// would even pass as a mapping of its methods — so they are refused with their path.
import type { PathIssue, PathSegment } from './problem-path.js';

/** Every value in `root` that is not plain data; [] for plain data. */
export function nonPlainValues(root: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  // Each node once: YAML aliases share nodes, and values from IPC may even form cycles.
  const seen = new Set<object>();
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const kind = nonPlainKind(value);
    if (kind) issues.push({ path, message: `must be a mapping, list, string, number or boolean, not ${kind}` });
    else if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        walk(item, [...path, index]);
      });
    } else for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(root, []);
  return issues;
}

function nonPlainKind(value: object): string | undefined {
  if (Array.isArray(value)) return undefined;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 'binary data (!!binary)';
  if (value instanceof Map) return 'an ordered map (!!omap or !!pairs); write a plain mapping or list';
  if (value instanceof Set) return 'a set (!!set); write a list';
  if (value instanceof Date) return 'a timestamp; quote it to keep it as text';
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null ? undefined : 'an object of another kind';
}
