// Applies a new kubeconfig value to the parsed YAML document of the user's file, changing
// only what changed: untouched top-level fields and list entries keep their nodes, so the
// user's comments, ordering and formatting survive a merge or a context switch.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, type Document } from 'yaml';
import type { Kubeconfig } from './kubeconfig-types.js';

/** Update `doc` in place from `before` (its value) to `after`. */
export function applyKubeconfigChange(doc: Document, before: Kubeconfig | undefined, after: Kubeconfig): void {
  const contents = doc.contents;
  if (before === undefined || !isMap(contents)) {
    doc.contents = doc.createNode(after);
    return;
  }
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) doc.delete(key);
  for (const [key, value] of Object.entries(after)) {
    const old = Object.hasOwn(before, key) ? before[key] : undefined;
    if (isDeepStrictEqual(old, value)) continue;
    const node = doc.get(key, true);
    if (isSeq(node) && Array.isArray(old) && Array.isArray(value)) updateList(doc, node, old, value);
    else doc.set(key, doc.createNode(value));
  }
}

// Keep the node of every entry whose value is unchanged (each old node used once).
function updateList(doc: Document, node: { items: unknown[] }, old: unknown[], value: unknown[]): void {
  const used = new Set<number>();
  node.items = value.map((item) => {
    const index = old.findIndex((candidate, position) => !used.has(position) && isDeepStrictEqual(candidate, item));
    if (index < 0) return doc.createNode(item);
    used.add(index);
    return node.items[index];
  });
}
