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
  ['bad version', '  kubernetesVersion: "1.37"', 'spec.kubernetesVersion', /a minor such as v1\.\d+ or a patch/],
  [
    'retired version',
    '  kubernetesVersion: v1.30.0',
    'spec.kubernetesVersion',
    /end of life; supported releases: v1\.37/,
  ],
  [
    'unknown version',
    '  kubernetesVersion: v1.99.0',
    'spec.kubernetesVersion',
    /not a release Slipway knows; supported/,
  ],
  // Engine limits, checked by validate as by create's preflight.
  ['reserved pool name', '  workers: [{name: control-plane}]', 'spec.workers[0].name', /reserved/],
  ['load-balancer pool name', '  workers: [{name: external-load-balancer}]', 'spec.workers[0].name', /reserved/],
  [
    'more workers than the /24 holds',
    `  workers: [${Array.from({ length: 6 }, (_, i) => `{name: p${String(i)}, replicas: 20}`).join(', ')}]`,
    'spec.workers',
    /120 workers requested; a cluster holds at most 108/,
  ],
  // Value rules.
  [
    'service range larger than /12',
    '  networking: {serviceSubnet: 10.0.0.0/11, podSubnet: 192.168.0.0/16}',
    'spec.networking.serviceSubnet',
    /\/12 or a smaller range.*kube-apiserver/,
  ],
  [
    'pod range smaller than a node /24',
    '  networking: {podSubnet: 10.244.0.0/25}',
    'spec.networking.podSubnet',
    /\/24/,
  ],
  [
    'pod range too small for the nodes',
    '  networking: {podSubnet: 10.244.0.0/23}',
    'spec.networking.podSubnet',
    /holds 2 node ranges .* but the cluster has 3 nodes; use a \/22 or larger/,
  ],
  ['CIDR shape', '  networking: {podSubnet: 10.244.0.0}', 'spec.networking.podSubnet', /CIDR form/],
  [
    'a host port on 0.0.0.0 and on loopback',
    '  portMappings: [{hostPort: 80, containerPort: 80}, {hostPort: 80, containerPort: 81, listenAddress: 0.0.0.0}]',
    'spec.portMappings[1].hostPort',
    /80\/TCP on 0\.0\.0\.0 is already mapped by portMappings\[0\]/,
  ],
  [
    'the API port mapped again',
    '  networking: {apiServerPort: 8080}\n  portMappings: [{hostPort: 8080, containerPort: 80}]',
    'spec.networking.apiServerPort',
    /8080\/TCP on 127\.0\.0\.1 is also mapped by portMappings\[0\]/,
  ],
  [
    'the API port on every address',
    '  networking: {apiServerPort: 8080, apiServerAddress: 0.0.0.0}\n  portMappings: [{hostPort: 8080, containerPort: 80}]',
    'spec.networking.apiServerPort',
    /portMappings\[0\]/,
  ],
  [
    'duplicate taint',
    '  workers: [{name: a, taints: [{key: k, effect: NoSchedule}, {key: k, value: v, effect: NoSchedule}]}]',
    'spec.workers[0].taints[1].key',
    /taint "k" with effect "NoSchedule" is already set by taints\[0\]/,
  ],
  [
    'too little memory',
    '  workers: [{name: a, resources: {memory: 256Mi}}]',
    'spec.workers[0].resources.memory',
    /512Mi/,
  ],
  [
    'bytes below the floor',
    '  workers: [{name: a, resources: {memory: "2"}}]',
    'spec.workers[0].resources.memory',
    /512Mi/,
  ],
  [
    'too few CPUs',
    '  workers: [{name: a, resources: {cpus: "0.25"}}]',
    'spec.workers[0].resources.cpus',
    /at least "0.5"/,
  ],
  ['node image not a reference', '  nodeImage: "Not A Ref !!"', 'spec.nodeImage', /image reference/],
  [
    'long taint value',
    `  workers: [{name: a, taints: [{key: k, value: ${'v'.repeat(64)}, effect: NoSchedule}]}]`,
    'spec.workers[0].taints[0].value',
    /^taint value "v{64}" must be at most 63 letters/,
  ],
];

// Bodies that look close to a rule but are fine.
const validCases: [string, string][] = [
  [
    '53/TCP and 53/UDP',
    '  portMappings: [{hostPort: 53, containerPort: 53}, {hostPort: 53, containerPort: 53, protocol: UDP}]',
  ],
  [
    'one port on two addresses',
    '  portMappings: [{hostPort: 80, containerPort: 80}, {hostPort: 80, containerPort: 80, listenAddress: 127.0.0.2}]',
  ],
  [
    'the API port on another address',
    '  networking: {apiServerPort: 8080, apiServerAddress: 127.0.0.2}\n  portMappings: [{hostPort: 8080, containerPort: 80}]',
  ],
  [
    'a UDP mapping on the API port',
    '  networking: {apiServerPort: 8080}\n  portMappings: [{hostPort: 8080, containerPort: 80, protocol: UDP}]',
  ],
  [
    'one taint key with two effects',
    '  workers: [{name: a, taints: [{key: k, effect: NoSchedule}, {key: k, effect: NoExecute}]}]',
  ],
  ['the smallest resources', '  workers: [{name: a, resources: {cpus: "0.5", memory: 512Mi}}]'],
  ['an empty nodeImage', '  nodeImage: ""'],
  [
    'a nodeImage with registry, port and digest',
    `  nodeImage: registry.example.com:5000/kind/node:v1.34.1@sha256:${'a'.repeat(64)}`,
  ],
  ['a pod range that just fits', '  networking: {podSubnet: 10.244.0.0/22}\n  workers: [{name: a, replicas: 1}]'],
  ['the largest service range', '  networking: {serviceSubnet: 10.96.0.0/12}'],
];

describe('validation', () => {
  it.each(invalidCases)('rejects %s', (_name, body, path, message) => {
    const problems = problemsOf(body);
    const problem = problems.find((p) => p.path === path);
    expect(problem, `paths reported: ${problems.map((p) => p.path).join(', ')}`).toBeDefined();
    expect(problem?.message).toMatch(message);
    expect(problem?.line).toBeGreaterThanOrEqual(6);
  });

  it.each(validCases)('accepts %s', (_name, body) => {
    const result = validateClusterSpecText(`${header}spec:\n${body}\n`);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('names a node that would be longer than a hostname', () => {
    const long = 'a'.repeat(32);
    const result = validateClusterSpecText(
      `apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: ${long}}\nspec:\n  workers: [{name: ${'b'.repeat(32)}, replicas: 1}]\n`,
    );
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({
        path: 'spec.workers[0].name',
        line: 5,
        message: expect.stringContaining(`"${long}-${'b'.repeat(32)}-1" is longer than 63 characters`) as unknown,
      }),
    ]);
  });

  it.each(['null', '[a]', '7'])('reports labels that are not a mapping (%s) without crashing', (labels) => {
    expect(problemsOf(`  workers: [{name: a, labels: ${labels}}]`).map((p) => p.path)).toEqual([
      'spec.workers[0].labels',
    ]);
  });

  it('reports engine limits and schema problems together', () => {
    const problems = problemsOf('  controlPlane: {replicas: 2}\n  workers: [{name: control-plane, replicas: 1}]');
    expect(problems.map((p) => p.path)).toEqual(['spec.controlPlane.replicas', 'spec.workers[0].name']);
  });

  it('does not repeat a bad count or name as a subnet or hostname problem', () => {
    const problems = problemsOf(
      `  networking: {podSubnet: 10.244.0.0/24}\n  workers: [{name: ${'x'.repeat(40)}, replicas: 99}]`,
    );
    expect(problems.map((p) => p.path)).toEqual(['spec.workers[0].name', 'spec.workers[0].replicas']);
  });

  it('points at a bad label key itself, and at a bad value', () => {
    const problems = problemsOf('  workers:\n    - name: a\n      labels:\n        "bad key": "bad value"');
    expect(problems).toEqual([
      expect.objectContaining({ path: 'spec.workers[0].labels["bad key"]', line: 9, column: 9 }),
      expect.objectContaining({ path: 'spec.workers[0].labels["bad key"]', line: 9, column: 20 }),
    ]);
    expect(problems[0]?.message).toMatch(/name part/);
    expect(problems[1]?.message).toMatch(/^label value "bad value" must be/);
  });

  it('quotes user text in messages so that it cannot split or forge a line', () => {
    const problems = problemsOf(
      '  workers:\n    - name: a\n      labels: {"a\\nb": "x\\ny", "\\e[31mred": v}\n  "bogus\\u2028\\u009b": 1',
    );
    const raw = ['\n', '\u001b', '\u009b', '\u2028'];
    for (const problem of problems) {
      for (const char of raw) expect(`${problem.path} ${problem.message}`).not.toContain(char);
    }
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"a\\nb"'),
        expect.stringContaining('"x\\ny"'),
        expect.stringContaining('"\\u001b[31mred"'),
        expect.stringContaining('unknown field "bogus\\u2028\\u009b"'),
      ]),
    );
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
    ['an unknown tag', `${header}spec: !custom {a: 1}\n`, /YAML: Unresolved tag: !custom; remove the tag/, 5],
    ['a YAML 1.1 tag in YAML 1.2', `${header}spec: !!binary aGVsbG8=\n`, /Unresolved tag: .*binary/, 5],
    ['an unsupported YAML version', `%YAML 1.3\n---\n${header}`, /Unsupported YAML version/, 1],
    ['only separators', '---\n---\n', /empty/, undefined],
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

  it.each([
    ['a final ---', `${header}---\n`],
    ['--- around the document', `---\n${header}---\n`],
    ['a final document of comments only', `${header}---\n# nothing here\n`],
  ])('reads one document despite %s', (_what, text) => {
    expect(validateClusterSpecText(text).ok).toBe(true);
  });

  it.each([
    ['binary data', `%YAML 1.1\n---\n${header}spec: !!binary aGVsbG8=\n`, 'spec', /not binary data/],
    ['a set', `%YAML 1.1\n---\n${header}spec:\n  workers: !!set {a}\n`, 'spec.workers', /not a set/],
    ['an ordered map', `%YAML 1.1\n---\n${header}spec:\n  workers: !!omap [{a: 1}]\n`, 'spec.workers', /ordered map/],
    [
      'a timestamp',
      `%YAML 1.1\n---\n${header}spec:\n  kubernetesVersion: 2001-12-14\n`,
      'spec.kubernetesVersion',
      /timestamp; quote it/,
    ],
  ])('refuses %s from YAML 1.1 tags, at its path only', (_what, text, path, message) => {
    const result = validateClusterSpecText(text);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ path, message: expect.stringMatching(message) as unknown }),
    ]);
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
