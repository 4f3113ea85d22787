import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import layers, { LAYERS, layerViolation, unitOf } from '../../eslint/layer-order.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mainRoot = join(root, 'main');

function lint(file: string, code: string): string[] {
  const linter = new Linter({ cwd: root });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { slipway: layers },
        rules: { 'slipway/layer-order': ['error', { mainRoot }] },
        languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
      },
    ],
    join(root, file),
  );
  return messages.map((message) => message.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const importPattern = /(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g;

describe('the layer-order lint rule', () => {
  it('refuses static, re-exported and dynamic imports of a higher layer', () => {
    expect(lint('main/spec/a.ts', "import { x } from '../engine/index.js';")).toEqual([
      'main/spec may not import main/engine (a higher layer); layers import downward only (docs/architecture.md)',
    ]);
    expect(lint('main/kube/a.ts', "export { x } from '../engine/index.js';")).toHaveLength(1);
    expect(lint('main/engine/create/a.ts', "export const m = () => import('../../addons/index.js');")).toHaveLength(1);
  });

  it('refuses peers in one layer and accepts downward and same-folder imports', () => {
    expect(lint('main/cli/a.ts', "import '../ipc/contract.js';")[0]).toMatch(/a peer in the same layer/);
    expect(lint('main/export/capi/a.ts', "import { x } from '../addons/issues.js';")).toEqual([]); // main/export/addons
    expect(lint('main/addons/a.ts', "import { x } from '../engine/types.js'; import '../errors.js';")).toEqual([]);
    expect(lint('main/app/a.ts', "import 'electron'; import '../dev/fake-engine/seed.js';")).toEqual([]);
  });

  it('names a folder that has no layer yet', () => {
    expect(layerViolation(mainRoot, join(mainRoot, 'spec/a.ts'), '../newfolder/x.js')).toMatch(/has no layer/);
  });
});

describe("main/'s folders", () => {
  const files = sourceFiles(mainRoot);

  it('each have a layer', () => {
    const units = new Set(files.map((file) => unitOf(mainRoot, file)));
    const placed = new Set(LAYERS.flat());
    expect([...units].filter((unit) => unit !== undefined && !placed.has(unit))).toEqual([]);
  });

  it('import downward only, so no cycle runs between them', () => {
    const violations: string[] = [];
    const edges = new Map<string, Set<string>>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const specifier = match[1] ?? '';
        const problem = layerViolation(mainRoot, file, specifier);
        if (problem) violations.push(`${file.slice(root.length)}: ${problem}`);
        const from = unitOf(mainRoot, file);
        const to = unitOf(mainRoot, resolve(dirname(file), specifier));
        if (from && to && from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect(violations).toEqual([]);
    // Independent of the layer table: a depth-first walk finds no cycle in the folder graph.
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (unit: string, path: string[]) => {
      if (state.get(unit) === 'done') return;
      if (state.get(unit) === 'open') {
        cycles.push([...path.slice(path.indexOf(unit)), unit].join(' -> '));
        return;
      }
      state.set(unit, 'open');
      for (const next of edges.get(unit) ?? []) visit(next, [...path, unit]);
      state.set(unit, 'done');
    };
    for (const unit of edges.keys()) visit(unit, []);
    expect(cycles).toEqual([]);
  });
});
