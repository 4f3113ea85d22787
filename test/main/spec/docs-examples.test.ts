// Every cluster spec shown in the README and docs/ must load, so the docs cannot drift.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateClusterSpecText } from '../../../main/spec/index.js';

const root = join(import.meta.dirname, '../../..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

const examples = documents.flatMap((document) => {
  const text = readFileSync(join(root, document), 'utf8');
  const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .filter((block) => /^kind: Cluster$/m.test(block) && /^apiVersion: slipway\.dev\//m.test(block))
    .map((block, index): [string, string] => [`${document} example ${String(index + 1)}`, block]);
});

describe('documented cluster specs', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('%s is valid', (_name, block) => {
    const result = validateClusterSpecText(block);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});
