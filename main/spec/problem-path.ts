// Formats a document path as users read it: spec.workers[1].taints[0].effect, with keys that
// are not plain identifiers quoted (labels["example.com/tier"]).
import { quote } from './quote.js';

export type PathSegment = string | number;

/** A problem found at a document path, before it is given a position and a printable path. */
export interface PathIssue {
  path: PathSegment[];
  message: string;
  /** The problem is with a mapping key itself (point at the key, not its value). */
  atKey?: boolean;
}

const plainKey = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${String(segment)}]`;
    else if (plainKey.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${quote(segment, Number.POSITIVE_INFINITY)}]`;
  }
  return text;
}
