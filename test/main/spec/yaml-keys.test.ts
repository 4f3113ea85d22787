// Hostile mapping keys and shapes in any YAML the project reads (specs, site files, bundles):
// prototype keys are refused with their path, duplicates and deep nesting get clear messages,
// and huge mappings are checked in linear time.
import { describe, expect, it } from 'vitest';
import { validateClusterSpecText } from '../../../main/spec/index.js';
import { parseYamlDocument } from '../../../main/spec/yaml-document.js';

const header = 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo}\n';

describe('mapping keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s with its path and line', (key) => {
    const parsed = parseYamlDocument(`${header}spec:\n  workers:\n    - name: w\n      ${key}: {isAdmin: yes}\n`);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ path: `spec.workers[0].${key}`, line: 7 });
    expect(parsed.problems[0]?.message).toMatch(/not allowed/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('reports a duplicate key at the second occurrence', () => {
    const parsed = parseYamlDocument('a: 1\nb: 2\na: 3\n');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.line).toBe(3);
    expect(parsed.problems[0]?.message).toMatch(/unique.*"a"/);
  });

  it('reports hostile nesting as too deep, not as a stack overflow', () => {
    const flow = parseYamlDocument(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(flow.problems[0]?.message).toMatch(/nests deeper than 64 levels/);
    const block = parseYamlDocument(Array.from({ length: 80 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n'));
    expect(block.problems[0]?.message).toMatch(/nests deeper than 64 levels/);
  });

  it('locates problems in a mapping through the key index', () => {
    const parsed = parseYamlDocument('a:\n  b: [x, {c: 1}]\n');
    expect(parsed.positionOf(['a', 'b', 1, 'c'])).toEqual({ line: 2, column: 14 });
    expect(parsed.positionOf(['a', 'b'], true)).toEqual({ line: 2, column: 3 });
    expect(parsed.positionOf(['a', 'missing'])).toBeUndefined();
  });

  // Was 7 min 46 s (a quadratic duplicate check and a scan per problem); a bound, not a figure.
  it('validates a 1 MiB spec of unknown keys with a problem for each, well within 30 s', { timeout: 60_000 }, () => {
    let text = `${header}spec:\n`;
    let count = 0;
    while (text.length < 1024 * 1024 - 20) text += `  k${String(count++)}: 1\n`;
    const started = Date.now();
    const result = validateClusterSpecText(text);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(count);
      expect(result.problems[count - 1]).toMatchObject({ path: `spec.k${String(count - 1)}`, line: count + 4 });
    }
  });
});
