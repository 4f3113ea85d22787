// Property tests: no input, however odd, makes validation throw; and every result is either a
// spec with defaults or a non-empty list of problems that all carry a path string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateClusterSpecText, validateClusterSpecValue } from '../../../main/spec/index.js';

function assertWellFormed(result: ReturnType<typeof validateClusterSpecText>): void {
  if (result.ok) {
    expect(result.spec.spec.networking.podSubnet).toMatch(/\//);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

const validBase = {
  apiVersion: 'slipway.dev/v1alpha1',
  kind: 'Cluster',
  metadata: { name: 'fuzz' },
  spec: {
    controlPlane: { replicas: 1 },
    workers: [{ name: 'workers', replicas: 2, labels: { team: 'a' }, taints: [{ key: 'k', effect: 'NoSchedule' }] }],
    networking: { podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16' },
    portMappings: [{ hostPort: 8080, containerPort: 80 }],
    addons: [{ name: 'registry' }],
  },
};

/** Replace the value at a random path of the valid base with an arbitrary value. */
function mutate(base: unknown, pathChoice: number, replacement: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
    }
  };
  walk(copy, []);
  const path = paths[pathChoice % paths.length] ?? [];
  if (path.length === 0) return replacement;
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = replacement;
  return copy;
}

// 3,000 generated documents take seconds on a loaded 2-core machine: allow a minute.
describe('validation never crashes', { timeout: 60_000 }, () => {
  it('on arbitrary YAML documents built from arbitrary values (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false }), (value) => {
        let text: unknown;
        try {
          text = stringify(value);
        } catch {
          return; // a value YAML cannot represent is not a document
        }
        if (typeof text !== 'string') return; // stringify(undefined) yields no document
        assertWellFormed(validateClusterSpecText(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary text and bytes (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        (text) => {
          assertWellFormed(validateClusterSpecText(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on a valid spec with one field replaced by anything (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.anything(), (pathChoice, replacement) => {
        const result = validateClusterSpecValue(mutate(validBase, pathChoice, replacement));
        assertWellFormed(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts the unmodified base', () => {
    expect(validateClusterSpecValue(validBase).ok).toBe(true);
  });
});
