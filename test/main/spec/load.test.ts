import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecInvalid } from '../../../main/errors.js';
import { defaultClusterSpec, loadClusterSpec, validateClusterSpecText } from '../../../main/spec/index.js';

const testdata = join(import.meta.dirname, 'testdata');
const header = 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: demo\n';

/** Problems of a document made of the common header plus a spec body. */
function problemsOf(specBody: string) {
  const result = validateClusterSpecText(`${header}spec:\n${specBody}`);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.problems;
}

describe('loadClusterSpec', () => {
  it.each(readdirSync(testdata).filter((f) => f.startsWith('valid-')))('accepts %s', (file) => {
    const spec = loadClusterSpec(readFileSync(join(testdata, file), 'utf8'), file);
    expect(spec.apiVersion).toBe('slipway.dev/v1alpha1');
    expect(spec.spec.networking.apiServerAddress).toMatch(/^127\./);
  });

  it('applies the documented defaults', () => {
    const spec = loadClusterSpec(readFileSync(join(testdata, 'valid-minimal.yaml'), 'utf8'));
    expect(spec.spec).toEqual({
      controlPlane: { replicas: 1 },
      workers: [{ name: 'workers', replicas: 2, labels: {}, taints: [], resources: {} }],
      networking: {
        podSubnet: '10.244.0.0/16',
        serviceSubnet: '10.96.0.0/16',
        apiServerAddress: '127.0.0.1',
        apiServerPort: 0,
      },
      portMappings: [],
      addons: [],
    });
  });

  it('defaults pool fields and port mapping fields individually', () => {
    const spec = loadClusterSpec(
      `${header}spec:\n  workers: [{name: a}]\n  portMappings: [{hostPort: 8080, containerPort: 80}]\n`,
    );
    expect(spec.spec.workers[0]).toEqual({ name: 'a', replicas: 2, labels: {}, taints: [], resources: {} });
    expect(spec.spec.portMappings[0]).toEqual({
      hostPort: 8080,
      containerPort: 80,
      protocol: 'TCP',
      listenAddress: '127.0.0.1',
    });
  });

  it('throws SpecInvalid with every problem and the source name', () => {
    const bad = `${header}spec:\n  controlPlane: {replicas: 2}\n  workers: [{name: a, replicas: 21}]\n`;
    const error = (() => {
      try {
        loadClusterSpec(bad, 'bad.yaml');
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SpecInvalid);
    const invalid = error as SpecInvalid;
    expect(invalid.exitCode).toBe(2);
    expect(invalid.source).toBe('bad.yaml');
    expect(invalid.problems.map((p) => p.path)).toEqual(['spec.controlPlane.replicas', 'spec.workers[0].replicas']);
  });

  it('embeds a default cluster of one control plane and two workers', () => {
    const spec = defaultClusterSpec();
    expect(spec.metadata.name).toBe('slipway');
    expect(spec.spec.controlPlane.replicas).toBe(1);
    expect(spec.spec.workers).toHaveLength(1);
    expect(spec.spec.workers[0]?.replicas).toBe(2);
    expect(defaultClusterSpec('other').metadata.name).toBe('other');
  });
});

// Each class of bad input: the body under `spec:`, the path reported and a fragment of the message.
const invalidCases: [string, string, string, RegExp][] = [
  ['even control plane', '  controlPlane: {replicas: 2}', 'spec.controlPlane.replicas', /1, 3 or 5/],
  ['too many workers', '  workers: [{name: a, replicas: 21}]', 'spec.workers[0].replicas', /at most 20/],
  ['negative workers', '  workers: [{name: a, replicas: -1}]', 'spec.workers[0].replicas', /at least 0/],
  ['fractional workers', '  workers: [{name: a, replicas: 1.5}]', 'spec.workers[0].replicas', /whole number/],
  ['pool name not DNS-1123', '  workers: [{name: Big_Pool}]', 'spec.workers[0].name', /DNS-1123/],
  ['duplicate pool names', '  workers: [{name: a}, {name: a}]', 'spec.workers[1].name', /unique/],
  [
    'bad taint effect',
    '  workers: [{name: a, taints: [{key: k, effect: Sometimes}]}]',
    'spec.workers[0].taints[0].effect',
    /NoSchedule, PreferNoSchedule, NoExecute/,
  ],
  [
    'reserved label prefix',
    '  workers: [{name: a, labels: {node-role.kubernetes.io/x: ""}}]',
    'spec.workers[0].labels["node-role.kubernetes.io/x"]',
    /reserved/,
  ],
  [
    'k8s.io label prefix',
    '  workers: [{name: a, labels: {k8s.io/x: y}}]',
    'spec.workers[0].labels["k8s.io/x"]',
    /reserved/,
  ],
  ['label value too long', `  workers: [{name: a, labels: {x: ${'v'.repeat(64)}}}]`, 'spec.workers[0].labels.x', /63/],
  [
    'bad memory quantity',
    '  workers: [{name: a, resources: {memory: lots}}]',
    'spec.workers[0].resources.memory',
    /2Gi/,
  ],
  ['bad pod CIDR', '  networking: {podSubnet: 10.244.0.0/33}', 'spec.networking.podSubnet', /CIDR/],
  ['host bits set', '  networking: {podSubnet: 10.244.1.0/16}', 'spec.networking.podSubnet', /host bits/],
  [
    'overlapping subnets',
    '  networking: {podSubnet: 10.0.0.0/8, serviceSubnet: 10.96.0.0/16}',
    'spec.networking.serviceSubnet',
    /overlaps/,
  ],
  ['bad API address', '  networking: {apiServerAddress: localhost}', 'spec.networking.apiServerAddress', /IPv4/],
  ['port zero', '  portMappings: [{hostPort: 0, containerPort: 80}]', 'spec.portMappings[0].hostPort', /1 and 65535/],
  [
    'port too high',
    '  portMappings: [{hostPort: 80, containerPort: 70000}]',
    'spec.portMappings[0].containerPort',
    /65535/,
  ],
  [
    'duplicate host ports',
    '  portMappings: [{hostPort: 80, containerPort: 80}, {hostPort: 80, containerPort: 8080}]',
    'spec.portMappings[1].hostPort',
    /already mapped/,
  ],
  [
    'bad protocol',
    '  portMappings: [{hostPort: 80, containerPort: 80, protocol: SCTP}]',
    'spec.portMappings[0].protocol',
    /TCP or UDP/,
  ],
  ['unknown add-on', '  addons: [{name: nginx}]', 'spec.addons[0].name', /known add-ons are registry/],
  ['duplicate add-on', '  addons: [{name: registry}, {name: registry}]', 'spec.addons[1].name', /already listed/],
  ['unknown field', '  controlPlanes: {replicas: 1}', 'spec.controlPlanes', /unknown field/],
  ['wrong type', '  workers: {name: a}', 'spec.workers', /must be a list, got a mapping/],
  ['bad version', '  kubernetesVersion: "1.34"', 'spec.kubernetesVersion', /v1\.34\.4/],
];

describe('validation', () => {
  it.each(invalidCases)('rejects %s', (_name, body, path, message) => {
    const problems = problemsOf(body);
    const problem = problems.find((p) => p.path === path);
    expect(problem, `paths reported: ${problems.map((p) => p.path).join(', ')}`).toBeDefined();
    expect(problem?.message).toMatch(message);
    expect(problem?.line).toBeGreaterThanOrEqual(6);
  });

  it('reports every problem of a document in one pass, in source order', () => {
    const problems = problemsOf(
      [
        '  controlPlane: {replicas: 4}',
        '  workers:',
        '    - name: a',
        '      taints: [{key: k, effect: Nope}]',
        '    - name: a',
        '  portMappings: [{hostPort: 1, containerPort: 1}, {hostPort: 1, containerPort: 2}]',
      ].join('\n'),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'spec.controlPlane.replicas',
      'spec.workers[0].taints[0].effect',
      'spec.workers[1].name',
      'spec.portMappings[1].hostPort',
    ]);
    expect(problems.map((p) => p.line)).toEqual([6, 9, 10, 11]);
  });

  it('points at the key of an unknown field', () => {
    const [problem] = problemsOf('  networking:\n    podCidr: 10.0.0.0/16');
    expect(problem).toMatchObject({ path: 'spec.networking.podCidr', line: 7, column: 5 });
  });

  it('names missing required fields', () => {
    const result = validateClusterSpecText('apiVersion: slipway.dev/v1alpha1\nkind: Cluster\n');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        expect.objectContaining({ path: 'metadata', message: expect.stringMatching(/required/) as unknown }),
      ]);
  });

  it.each([
    ['apiVersion', 'apiVersion: v1\nkind: Cluster\nmetadata: {name: a}\n', 'apiVersion', /slipway.dev\/v1alpha1/],
    ['kind', 'apiVersion: slipway.dev/v1alpha1\nkind: Pod\nmetadata: {name: a}\n', 'kind', /Cluster/],
    [
      'long name',
      `apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: ${'a'.repeat(33)}}\n`,
      'metadata.name',
      /32/,
    ],
  ])('checks %s', (_what, text, path, message) => {
    const result = validateClusterSpecText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.find((p) => p.path === path)?.message).toMatch(message);
  });
});

describe('document-level errors', () => {
  it.each([
    ['YAML syntax with line and column', 'apiVersion: [unclosed\nkind: Cluster\n', /YAML syntax/, 2],
    ['duplicate keys', 'kind: Cluster\nkind: Cluster\n', /YAML syntax.*unique/i, 2],
    ['an empty file', '', /empty/, undefined],
    ['several documents', 'a: 1\n---\nb: 2\n', /2 YAML documents/, undefined],
    ['a scalar', 'just text', /must be a mapping/, undefined],
    ['a list', '- a\n- b\n', /must be a mapping/, undefined],
    ['binary input', 'abc\u0000def', /binary/, undefined],
  ])('reports %s', (_what, text, message, line) => {
    const result = validateClusterSpecText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(message);
    expect(result.problems[0]?.line).toBe(line);
  });

  it('refuses alias bombs without hanging', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    const started = performance.now();
    const result = validateClusterSpecText(lines.join('\n'));
    expect(result.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
