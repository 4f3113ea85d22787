import { describe, expect, it } from 'vitest';
import { apiEndpoint, summarizeCluster, summarizeClusters } from '../../../main/engine/lifecycle/summarize.js';
import { startOrder, stopOrder } from '../../../main/engine/lifecycle/stop-cluster.js';
import type { NodeRecord } from '../../../main/engine/provider.js';

function node(name: string, role: NodeRecord['role'], extra: Partial<NodeRecord> = {}): NodeRecord {
  return { name, cluster: 'demo', role, state: 'running', labels: {}, ports: [], image: 'node:v1', ...extra };
}

const cp = node('demo-control-plane', 'control-plane', {
  controlPlaneIndex: 0,
  ipv4: '172.20.5.10',
  labels: {
    'dev.slipway.kubernetes-version': 'v1.34.4',
    'dev.slipway.node-image': 'node:v1',
    'dev.slipway.created-at': '2026-11-23T09:00:00.000Z',
  },
  ports: [{ hostIp: '127.0.0.1', hostPort: 41000, containerPort: 6443, protocol: 'tcp' }],
});
const w2 = node('demo-workers-2', 'worker', { pool: 'workers' });
const w10 = node('demo-workers-10', 'worker', { pool: 'workers' });

describe('summarizeCluster', () => {
  it('reads version, image, endpoint and nodes from the containers, control planes first', () => {
    const summary = summarizeCluster('demo', [w10, cp, w2]);
    expect(summary).toMatchObject({
      name: 'demo',
      state: 'running',
      kubernetesVersion: 'v1.34.4',
      nodeImage: 'node:v1',
      apiEndpoint: 'https://127.0.0.1:41000',
      createdAt: '2026-11-23T09:00:00.000Z',
      network: 'slipway-demo',
      kubeconfigContext: 'slipway-demo',
    });
    expect(summary.nodes.map((n) => n.name)).toEqual(['demo-control-plane', 'demo-workers-2', 'demo-workers-10']);
    expect(summary.nodes[0]).toEqual({
      name: 'demo-control-plane',
      role: 'control-plane',
      state: 'running',
      ipv4: '172.20.5.10',
    });
  });

  it('is stopped when every container is, degraded when some are', () => {
    expect(
      summarizeCluster('demo', [
        { ...cp, state: 'stopped' },
        { ...w2, state: 'stopped' },
      ]).state,
    ).toBe('stopped');
    expect(summarizeCluster('demo', [cp, { ...w2, state: 'stopped' }]).state).toBe('degraded');
    expect(summarizeCluster('demo', []).state).toBe('unknown');
  });

  it('takes the endpoint from the load balancer in HA and dials loopback for 0.0.0.0', () => {
    const lb = node('demo-external-load-balancer', 'load-balancer', {
      ports: [{ hostIp: '0.0.0.0', hostPort: 42000, containerPort: 6443, protocol: 'tcp' }],
    });
    expect(apiEndpoint([cp, lb])).toBe('https://127.0.0.1:42000');
  });
});

describe('summarizeClusters', () => {
  it('groups containers by cluster and lists network-only leftovers', () => {
    const other = { ...node('b-control-plane', 'control-plane'), cluster: 'b' };
    expect(summarizeClusters([cp, other, w2], ['zombie']).map((c) => [c.name, c.nodes.length, c.state])).toEqual([
      ['b', 1, 'running'],
      ['demo', 2, 'running'],
      ['zombie', 0, 'unknown'],
    ]);
  });
});

describe('stop and start order', () => {
  const lb = node('demo-external-load-balancer', 'load-balancer');
  const names = (groups: NodeRecord[][]) => groups.map((group) => group.map((n) => n.name));

  it('stops every Kubernetes node together, then the load balancer', () => {
    expect(names(stopOrder([lb, cp, w2]))).toEqual([
      ['demo-control-plane', 'demo-workers-2'],
      ['demo-external-load-balancer'],
    ]);
  });

  it('starts the load balancer, then control planes, then workers', () => {
    expect(names(startOrder([w2, cp, lb]))).toEqual([
      ['demo-external-load-balancer'],
      ['demo-control-plane'],
      ['demo-workers-2'],
    ]);
    expect(names(startOrder([w2, cp]))).toEqual([['demo-control-plane'], ['demo-workers-2']]);
  });
});
