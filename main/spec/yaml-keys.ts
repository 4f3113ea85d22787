// Mapping keys of a parsed YAML document, checked in one linear pass: duplicates (the parser's
// own check compares every pair, which is quadratic in a mapping's size), keys that name
// JavaScript's prototype machinery, and nesting depth. The same pass indexes each mapping's
// keys so that looking up a problem's position costs one step per path segment, not a scan.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

/** Keys that would reach Object.prototype (or a constructor) when copied into a plain object. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Whether a key is one of PROTOTYPE_KEYS. */
export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.includes(key);
}

/** Deeper than any spec, bundle or site file needs; far below what would exhaust the stack. */
export const MAX_YAML_DEPTH = 64;

export interface KeyProblem {
  /** Path of the mapping holding the key. */
  path: (string | number)[];
  message: string;
  /** Offset of the offending key or node in the text. */
  offset: number;
}

interface Visit {
  node: unknown;
  path: (string | number)[];
}

/** Each mapping's pairs by key text, built once per document. */
export type KeyIndex = WeakMap<object, Map<string, Pair>>;

/** Check every mapping of the document once; returns the problems and the key index. */
export function checkYamlKeys(doc: Document.Parsed): { problems: KeyProblem[]; index: KeyIndex } {
  const problems: KeyProblem[] = [];
  const index: KeyIndex = new WeakMap();
  // An explicit stack: a recursive walk would itself overflow on hostile nesting.
  const stack: Visit[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as Visit;
    if (!isMap(node) && !isSeq(node)) continue;
    if (path.length >= MAX_YAML_DEPTH) {
      problems.push({ path, message: tooDeep(), offset: rangeStart(node) });
      return { problems, index };
    }
    if (isSeq(node)) {
      node.items.forEach((item, position) => stack.push({ node: item, path: [...path, position] }));
      continue;
    }
    const byKey = new Map<string, Pair>();
    index.set(node, byKey);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair.key);
      const offset = rangeStart(pair.key);
      if (key !== undefined) {
        if (byKey.has(key)) problems.push({ path, message: `Map keys must be unique: "${key}" appears twice`, offset });
        else byKey.set(key, pair);
        if (isPrototypeKey(key)) problems.push({ path: [...path, key], message: prototypeKeyMessage(key), offset });
      }
      stack.push({ node: pair.key, path: [...path, key ?? '?'] }, { node: pair.value, path: [...path, key ?? '?'] });
    }
  }
  return { problems, index };
}

/** The node at a path (the key node itself when `atKey`), through the index. */
export function nodeAtPath(
  doc: Document.Parsed,
  index: KeyIndex,
  path: readonly (string | number)[],
  atKey = false,
): Node | undefined {
  let node: unknown = doc.contents;
  for (const [position, segment] of path.entries()) {
    const last = position === path.length - 1;
    if (isMap(node)) {
      const pair = index.get(node)?.get(String(segment));
      if (!pair) return undefined;
      node = last && atKey ? pair.key : pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else return undefined;
  }
  return isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node : undefined;
}

/** Why a prototype key is refused, wherever it is found. */
export function prototypeKeyMessage(key: string): string {
  return `the key "${key}" is not allowed: it names JavaScript object internals; rename it`;
}

/** The message for a document that nests deeper than MAX_YAML_DEPTH. */
export function tooDeep(): string {
  return `the document nests deeper than ${String(MAX_YAML_DEPTH)} levels; a cluster spec nests a few`;
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value: unknown = key.value;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? `${value}` : undefined;
}

function rangeStart(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0] ?? 0;
}
