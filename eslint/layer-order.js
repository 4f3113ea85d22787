// A lint rule that keeps main/'s layers importing downward only (docs/architecture.md):
// every relative import, `export ... from` and literal dynamic import of a file in main/ is
// resolved against the importing file, and refused when it reaches a folder of the same or a
// higher layer. Peers in one layer stay independent, so no cycle can form between folders.
import { dirname, relative, resolve, sep } from 'node:path';

/** main/'s folders (and its top-level files) from the bottom layer up. */
export const LAYERS = [
  ['errors.ts', 'version.ts'],
  ['lib', 'fs', 'net'],
  ['spec'],
  ['kube'],
  ['engine'],
  ['addons'],
  ['export'],
  ['ipc', 'cli'],
  ['dev'],
  ['bridge', 'app'],
];

const rankOf = new Map(LAYERS.flatMap((layer, rank) => layer.map((unit) => [unit, rank])));

/** The unit of main/ a path lies in (a folder name, or a top-level file with .ts), if any. */
export function unitOf(mainRoot, path) {
  const inside = relative(mainRoot, path);
  if (inside.startsWith('..') || inside === '') return undefined;
  const [first, ...rest] = inside.split(sep);
  return rest.length === 0 ? first.replace(/\.js$/, '.ts') : first;
}

/** Why importing `target` from `file` breaks the layer order, or undefined when it does not. */
export function layerViolation(mainRoot, file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const from = unitOf(mainRoot, file);
  const to = unitOf(mainRoot, resolve(dirname(file), specifier));
  if (from === undefined || to === undefined || from === to) return undefined;
  const fromRank = rankOf.get(from);
  const toRank = rankOf.get(to);
  if (fromRank === undefined) return `main/${from} has no layer; add it to LAYERS in eslint/layer-order.js`;
  if (toRank === undefined) return `main/${to} has no layer; add it to LAYERS in eslint/layer-order.js`;
  if (toRank < fromRank) return undefined;
  const relation = toRank === fromRank ? 'a peer in the same layer' : 'a higher layer';
  return `main/${from} may not import main/${to} (${relation}); layers import downward only (docs/architecture.md)`;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Keep main/'s layers importing downward only" },
    schema: [{ type: 'object', properties: { mainRoot: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const mainRoot = context.options[0]?.mainRoot ?? resolve(context.cwd, 'main');
    const check = (node) => {
      if (node.source?.type !== 'Literal' || typeof node.source.value !== 'string') return;
      const message = layerViolation(mainRoot, context.filename, node.source.value);
      if (message) context.report({ node: node.source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'layer-order': rule } };
