import { describe, expect, it } from 'vitest';
import { contextName, controlPlaneName, loadBalancerName, networkName, workerName } from '../../../main/lib/naming.js';

describe('node naming', () => {
  it('names the bootstrap control plane like kind and numbers the others from 2', () => {
    expect([0, 1, 2].map((i) => controlPlaneName('demo', i))).toEqual([
      'demo-control-plane',
      'demo-control-plane-2',
      'demo-control-plane-3',
    ]);
  });

  it('numbers workers per pool from 1', () => {
    expect([0, 1].map((i) => workerName('demo', 'gpu', i))).toEqual(['demo-gpu-1', 'demo-gpu-2']);
  });

  it('names the load balancer, the network and the kubeconfig context', () => {
    expect(loadBalancerName('demo')).toBe('demo-external-load-balancer');
    expect(networkName('demo')).toBe('slipway-demo');
    expect(contextName('demo')).toBe('slipway-demo');
  });
});
