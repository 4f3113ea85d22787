import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpecInvalid } from '../../../main/errors.js';
import { exportSpec, importKindConfig } from '../../../main/export/index.js';
import { kindConfigSchema } from '../../../main/export/kind/schema.js';
import { clusterSpecSchema, type ClusterSpec } from '../../../main/spec/index.js';
import { parse } from 'yaml';
import { exampleSpecs } from './support/paths.js';
import { RELEASES, kindestVersionOf, lookUpRelease } from '../../../main/spec/releases.js';

/** What kind can carry: everything but add-ons and node sizes, and releases as patches. */
function kindCarried(spec: ClusterSpec): ClusterSpec {
  const copy = structuredClone(spec);
  const found = lookUpRelease(copy.spec.kubernetesVersion);
  if (copy.spec.kubernetesVersion !== undefined && found.ok && found.request.patch === undefined)
    copy.spec.kubernetesVersion = kindestVersionOf(found.request.release);
  copy.spec.addons = [];
  copy.spec.workers = copy.spec.workers.filter((pool) => pool.replicas > 0).map((pool) => ({ ...pool, resources: {} }));
  return copy;
}

function roundTrip(spec: ClusterSpec): { spec: ClusterSpec; config: unknown } {
  const file = exportSpec(spec, 'kind').files['kind-config.yaml'] ?? '';
  return { spec: importKindConfig(file, 'kind-config.yaml').spec, config: parse(file) };
}

const HEX = 'a'.repeat(64);

describe('export to kind', () => {
  it.each(exampleSpecs())('%s gives a valid kind config that imports back to the same spec', (_file, spec) => {
    const { spec: back, config } = roundTrip(spec);
    expect(kindConfigSchema.safeParse(config).success).toBe(true);
    expect(back).toEqual(kindCarried(spec));
  });

  it('publishes port mappings from the ingress-ready pool and reports what kind drops', () => {
    const spec = exampleSpecs().find(([file]) => file === 'addons.yaml')?.[1];
    if (!spec) throw new Error('addons.yaml example missing');
    const result = exportSpec(spec, 'kind');
    const [document] = result.documents;
    const config =
      document?.format === 'yaml'
        ? (document.objects[0] as unknown as {
            nodes: { role: string; labels?: Record<string, string>; extraPortMappings?: unknown[] }[];
          })
        : undefined;
    const withPorts = config?.nodes.filter((node) => node.extraPortMappings !== undefined) ?? [];
    expect(withPorts).toHaveLength(1);
    expect(withPorts[0]?.labels).toMatchObject({ 'ingress-ready': 'true', 'slipway.dev/pool': 'edge' });
    expect(result.issues.filter((issue) => issue.code === 'ADDON_MAPPING')).toHaveLength(5);
  });

  it('round-trips generated specs', () => {
    const label = fc.constantFrom('tier', 'example.com/zone', 'team');
    const pool = fc.record({
      replicas: fc.integer({ min: 1, max: 3 }),
      labels: fc.dictionary(label, fc.constantFrom('a', 'b', 'true')),
      taints: fc.uniqueArray(
        fc.record({
          key: fc.constantFrom('k1', 'example.com/k2'),
          value: fc.option(fc.constantFrom('v', 'true'), { nil: undefined }),
          effect: fc.constantFrom('NoSchedule' as const, 'PreferNoSchedule' as const, 'NoExecute' as const),
        }),
        { selector: (taint) => taint.key, maxLength: 2 },
      ),
    });
    const spec = fc.record({
      replicas: fc.constantFrom(1 as const, 3 as const, 5 as const),
      pools: fc.array(pool, { maxLength: 4 }),
      ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 }),
      version: fc.option(fc.constantFrom('v1.35.4', 'v1.36.1', 'v1.37'), { nil: undefined }),
    });
    fc.assert(
      fc.property(spec, (input) => {
        const parsed = clusterSpecSchema.parse({
          apiVersion: 'slipway.dev/v1alpha1',
          kind: 'Cluster',
          metadata: { name: 'gen' },
          spec: {
            ...(input.version !== undefined && { kubernetesVersion: input.version }),
            controlPlane: { replicas: input.replicas },
            workers: input.pools.map((entry, index) => ({
              ...entry,
              taints: entry.taints.map(({ value, ...rest }) => (value === undefined ? rest : { ...rest, value })),
              name: `p${String(index)}`,
            })),
            portMappings: input.ports.map((port) => ({ hostPort: port, containerPort: port })),
          },
        });
        expect(roundTrip(parsed).spec).toEqual(kindCarried(parsed));
      }),
      { numRuns: 60 },
    );
  });
});

describe('import from kind', () => {
  const typical = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
name: dev
networking:
  disableDefaultCNI: true
featureGates:
  SomeGate: true
nodes:
  - role: control-plane
    image: kindest/node:v1.36.1@sha256:${HEX}
    kubeadmConfigPatches:
      - |
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            node-labels: "ingress-ready=true"
    extraPortMappings:
      - containerPort: 80
        hostPort: 8080
        protocol: TCP
      - containerPort: 5000
  - role: worker
    image: kindest/node:v1.36.1@sha256:${HEX}
  - role: worker
    image: kindest/node:v1.36.1@sha256:${HEX}
  - role: worker
    image: kindest/node:v1.36.1@sha256:${HEX}
    labels:
      tier: db
    extraMounts:
      - hostPath: /tmp/data
        containerPath: /data
`;

  it('groups identical workers into pools and keeps version, image and ports', () => {
    const imported = importKindConfig(typical, 'dev.yaml');
    expect(imported.spec.metadata.name).toBe('dev');
    expect(imported.spec.spec).toMatchObject({
      kubernetesVersion: 'v1.36.1',
      nodeImage: `kindest/node:v1.36.1@sha256:${HEX}`,
      controlPlane: { replicas: 1 },
      workers: [
        { name: 'workers', replicas: 2, labels: {}, taints: [] },
        { name: 'workers-2', replicas: 1, labels: { tier: 'db' }, taints: [] },
      ],
      portMappings: [{ hostPort: 8080, containerPort: 80, protocol: 'TCP', listenAddress: '127.0.0.1' }],
    });
  });

  it('leaves a retired release open with a warning instead of refusing the config', () => {
    const imported = importKindConfig(typical.replaceAll('v1.36.1', 'v1.33.1'), 'dev.yaml');
    expect(imported.spec.spec.kubernetesVersion).toBeUndefined();
    expect(imported.spec.spec.nodeImage).toBeUndefined();
    expect(imported.issues).toContainEqual(
      expect.objectContaining({ code: 'UNSUPPORTED_FIELD', severity: 'warning', path: 'nodes[0].image' }),
    );
  });

  it('maps kind’s own pin back to the bare version', () => {
    const pin = RELEASES[1]?.kindest?.image ?? '';
    const imported = importKindConfig(
      `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n    image: ${pin}\n`,
    );
    expect(imported.spec.spec.kubernetesVersion).toBe(/:(v[\d.]+)@/.exec(pin)?.[1]);
    expect(imported.spec.spec.nodeImage).toBeUndefined();
  });

  it('keeps a mapping without listenAddress on loopback, with a warning that says how to open it', () => {
    const found = importKindConfig(typical, 'dev.yaml').issues.find((item) => item.code === 'DEFAULTED_VALUE');
    expect(found?.severity).toBe('warning');
    expect(found?.message).toMatch(/now listens on 127\.0\.0\.1 only: set listenAddress 0\.0\.0\.0/);
  });

  it('reports every field it cannot carry, with its path in the kind config', () => {
    const { issues } = importKindConfig(typical, 'dev.yaml');
    expect(issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'UNSUPPORTED_FIELD nodes[3].extraMounts',
      'DEFAULTED_VALUE nodes[0].extraPortMappings[0]',
      'UNSUPPORTED_FIELD nodes[0].extraPortMappings[1]',
      'UNSUPPORTED_FIELD featureGates',
      'UNSUPPORTED_FIELD networking.disableDefaultCNI',
    ]);
  });

  it('reads worker taints and labels from kubeadm patches', () => {
    const config = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
  - role: worker
    kubeadmConfigPatches:
      - |
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            - name: node-labels
              value: tier=gpu,team=ml
          taints:
            - {key: nvidia.com/gpu, value: "true", effect: NoSchedule}
      - |
        kind: ClusterConfiguration
        apiServer: {extraArgs: {v: "4"}}
`;
    const imported = importKindConfig(config);
    expect(imported.spec.metadata.name).toBe('kind');
    expect(imported.spec.spec.workers).toEqual([
      {
        name: 'workers',
        replicas: 1,
        labels: { tier: 'gpu', team: 'ml' },
        taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
        resources: {},
      },
    ]);
    expect(imported.issues).toEqual([
      expect.objectContaining({ code: 'UNSUPPORTED_FIELD', path: 'nodes[1].kubeadmConfigPatches[1]' }),
    ]);
  });

  it('turns an even control-plane count into the next odd one, and says so', () => {
    const config =
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n  - role: control-plane\n';
    const imported = importKindConfig(config);
    expect(imported.spec.spec.controlPlane.replicas).toBe(3);
    expect(imported.spec.spec.workers).toEqual([]);
    expect(imported.issues).toEqual([expect.objectContaining({ code: 'ODD_CONTROL_PLANE', path: 'nodes' })]);
  });

  it('rejects an invalid kind config with every problem, path and line', () => {
    const config =
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: master\n  - role: worker\n    lables: {a: b}\n';
    try {
      importKindConfig(config, 'bad.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecInvalid);
      const problems = (error as SpecInvalid).problems.map((problem) => [problem.path, problem.line]);
      expect(problems).toEqual([
        ['nodes[0].role', 4],
        ['nodes[1].lables', 6],
      ]);
    }
  });

  it('rejects what a Slipway spec cannot hold, such as 21 nodes in one pool', () => {
    const workers = Array.from({ length: 21 }, () => '  - role: worker\n').join('');
    const config = `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n${workers}`;
    expect(() => importKindConfig(config, 'big.yaml')).toThrow(/as a Slipway spec/);
  });
});
