import { describe, expect, it } from 'vitest';
import { planCluster, apiDialAddress } from '../../../main/engine/plan/plan-cluster.js';
import { planProblems } from '../../../main/engine/plan/problems.js';
import { allNodes, bootstrapNode, kubernetesNodes } from '../../../main/engine/plan/types.js';
import { specOf } from './spec-fixtures.js';

const choices = { subnet: '172.20.5.0/24', apiServerPort: 41000 };

describe('planCluster', () => {
  it('plans the default cluster: one control plane publishing the API, two workers', () => {
    const plan = planCluster(specOf('demo'), choices);
    expect(plan.controlPlanes.map((n) => [n.name, n.ipv4])).toEqual([['demo-control-plane', '172.20.5.10']]);
    expect(plan.workers.map((n) => [n.name, n.ipv4, n.pool])).toEqual([
      ['demo-workers-1', '172.20.5.20', 'workers'],
      ['demo-workers-2', '172.20.5.21', 'workers'],
    ]);
    expect(plan.loadBalancer).toBeUndefined();
    expect(plan.controlPlaneEndpoint).toBe('demo-control-plane:6443');
    expect(bootstrapNode(plan).ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: 41000, containerPort: 6443, protocol: 'tcp' },
    ]);
    expect(plan.network).toEqual({
      name: 'slipway-demo',
      subnet: '172.20.5.0/24',
      gateway: '172.20.5.1',
      ipRange: '172.20.5.128/25',
    });
  });

  it('puts three control planes behind a load balancer that alone publishes the API', () => {
    const plan = planCluster(specOf('ha', { controlPlane: { replicas: 3 }, workers: [] }), choices);
    expect(plan.controlPlanes.map((n) => n.ipv4)).toEqual(['172.20.5.10', '172.20.5.11', '172.20.5.12']);
    expect(plan.loadBalancer).toMatchObject({
      name: 'ha-external-load-balancer',
      ipv4: '172.20.5.9',
      role: 'load-balancer',
    });
    expect(plan.loadBalancer?.ports.map((p) => p.containerPort)).toEqual([6443]);
    expect(plan.controlPlanes.flatMap((n) => n.ports)).toEqual([]);
    expect(plan.controlPlaneEndpoint).toBe('ha-external-load-balancer:6443');
    expect(allNodes(plan)).toHaveLength(4);
    expect(kubernetesNodes(plan)).toHaveLength(3);
  });

  it('publishes port mappings from the first control plane and labels it ingress-ready', () => {
    const plan = planCluster(specOf('demo', { portMappings: [{ hostPort: 8080, containerPort: 80 }] }), choices);
    const cp = bootstrapNode(plan);
    expect(cp.nodeLabels).toEqual({ 'ingress-ready': 'true' });
    expect(cp.ports).toContainEqual({ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' });
    expect(plan.workers.flatMap((n) => n.ports)).toEqual([]);
  });

  it('publishes port mappings from the first node of a pool labelled ingress-ready', () => {
    const spec = specOf('demo', {
      workers: [
        { name: 'apps', replicas: 1 },
        { name: 'edge', replicas: 2, labels: { 'ingress-ready': 'true' } },
      ],
      portMappings: [{ hostPort: 8443, containerPort: 443, protocol: 'UDP', listenAddress: '0.0.0.0' }],
    });
    const plan = planCluster(spec, choices);
    expect(bootstrapNode(plan).nodeLabels).toEqual({});
    expect(bootstrapNode(plan).ports.map((p) => p.containerPort)).toEqual([6443]);
    const edge1 = plan.workers.find((n) => n.name === 'demo-edge-1');
    expect(edge1?.ports).toEqual([{ hostIp: '0.0.0.0', hostPort: 8443, containerPort: 443, protocol: 'udp' }]);
    expect(plan.workers.find((n) => n.name === 'demo-edge-2')?.ports).toEqual([]);
  });

  it('carries pool labels, taints and resources and a pool label onto each worker', () => {
    const spec = specOf('demo', {
      workers: [
        {
          name: 'gpu',
          replicas: 1,
          labels: { 'example.com/gpu': 'yes' },
          taints: [{ key: 'gpu', effect: 'NoSchedule' }],
          resources: { cpus: '1.5', memory: '2Gi' },
        },
      ],
    });
    const [worker] = planCluster(spec, choices).workers;
    expect(worker?.nodeLabels).toEqual({ 'example.com/gpu': 'yes', 'slipway.dev/pool': 'gpu' });
    expect(worker?.taints).toEqual([{ key: 'gpu', effect: 'NoSchedule' }]);
    expect(worker?.resources).toEqual({ cpus: '1.5', memory: '2Gi' });
  });

  it('dials loopback when the API listens on every address', () => {
    expect(apiDialAddress({ api: { hostAddress: '0.0.0.0', hostPort: 1 } })).toBe('127.0.0.1');
    expect(apiDialAddress({ api: { hostAddress: '192.168.1.5', hostPort: 1 } })).toBe('192.168.1.5');
  });
});

describe('planProblems', () => {
  it('accepts the default spec', () => {
    expect(planProblems(specOf('demo'))).toEqual([]);
  });

  it('rejects a pool whose node names would collide with control planes', () => {
    expect(planProblems(specOf('demo', { workers: [{ name: 'control-plane', replicas: 1 }] }))).toEqual([
      expect.objectContaining({
        path: 'spec.workers[0].name',
        message: expect.stringContaining('reserved') as unknown,
      }),
    ]);
  });

  it('rejects node names longer than a hostname', () => {
    const long = 'a'.repeat(32);
    const problems = planProblems(specOf(long, { workers: [{ name: 'b'.repeat(30), replicas: 12 }] }));
    expect(problems.map((p) => p.path)).toEqual(['spec.workers[0].name']);
    expect(problems[0]?.message).toContain(`${long}-${'b'.repeat(30)}-12`);
  });

  it('rejects more workers than the static address range holds', () => {
    const workers = Array.from({ length: 6 }, (_, i) => ({ name: `p${String(i)}`, replicas: 20 }));
    expect(planProblems(specOf('demo', { workers })).map((p) => p.path)).toEqual(['spec.workers']);
  });
});
