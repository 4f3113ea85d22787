// Formats a document path as users read it: spec.workers[1].taints[0].effect, with keys that
// are not plain identifiers quoted (labels["example.com/tier"]).
export type PathSegment = string | number;

const plainKey = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${String(segment)}]`;
    else if (plainKey.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
