import { describe, expect, it } from 'vitest';
import {
  loadBalancerContainerOptions,
  memoryBytes,
  nodeContainerOptions,
} from '../../../main/engine/docker/run-args.js';
import { securityFlags } from '../../../main/engine/docker/security-flags.js';
import { planCluster } from '../../../main/engine/plan/plan-cluster.js';
import { at, specOf } from './spec-fixtures.js';

const spec = specOf('demo', {
  controlPlane: { replicas: 3 },
  workers: [{ name: 'big', replicas: 1, resources: { cpus: '1.5', memory: '512Mi' } }],
  portMappings: [{ hostPort: 8080, containerPort: 80 }],
});
const plan = planCluster(spec, { subnet: '172.20.5.0/24', apiServerPort: 41000 });
const security = securityFlags('fallback', { libModules: false });

describe('nodeContainerOptions', () => {
  const cp = nodeContainerOptions({
    plan,
    node: at(plan.controlPlanes),
    image: 'node:v1',
    security,
    labels: { 'dev.slipway.kubernetes-version': 'v1.34.4' },
  });

  it('names the container and host after the node and keeps the image contract', () => {
    expect(cp).toMatchObject({
      name: 'demo-control-plane',
      Hostname: 'demo-control-plane',
      Image: 'node:v1',
      Tty: true,
      StopSignal: 'SIGRTMIN+3',
      Volumes: { '/var': {} },
    });
  });

  it('labels the container with cluster, role, address and the shared labels', () => {
    expect(cp.Labels).toEqual({
      'dev.slipway.cluster': 'demo',
      'dev.slipway.role': 'control-plane',
      'dev.slipway.ipv4': '172.20.5.10',
      'dev.slipway.control-plane-index': '0',
      'dev.slipway.kubernetes-version': 'v1.34.4',
    });
  });

  it('pins the address on the cluster network and restarts unless stopped', () => {
    expect(cp.NetworkingConfig).toEqual({
      EndpointsConfig: { 'slipway-demo': { IPAMConfig: { IPv4Address: '172.20.5.10' } } },
    });
    expect(cp.HostConfig).toMatchObject({
      NetworkMode: 'slipway-demo',
      RestartPolicy: { Name: 'unless-stopped' },
      Init: false,
      CapDrop: ['SYS_RESOURCE'],
    });
    expect(cp.Env).toEqual(['SLIPWAY_NONPRIVILEGED=1', 'KUBECONFIG=/etc/kubernetes/admin.conf']);
  });

  it('publishes port mappings on loopback from the ingress node (HA: no API port on nodes)', () => {
    expect(cp.HostConfig?.PortBindings).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] });
    expect(cp.ExposedPorts).toEqual({ '80/tcp': {} });
  });

  it('turns pool resources into Docker limits', () => {
    const worker = nodeContainerOptions({ plan, node: at(plan.workers), image: 'node:v1', security, labels: {} });
    expect(worker.HostConfig).toMatchObject({ NanoCpus: 1_500_000_000, Memory: 512 * 2 ** 20 });
    expect(worker.Labels).toMatchObject({ 'dev.slipway.role': 'worker', 'dev.slipway.pool': 'big' });
    expect(worker.Env).toEqual(['SLIPWAY_NONPRIVILEGED=1']);
  });
});

describe('loadBalancerContainerOptions', () => {
  const loadBalancer = plan.loadBalancer ?? at([]);
  it('is unprivileged and publishes the API port', () => {
    const lb = loadBalancerContainerOptions({ plan, node: loadBalancer, image: 'haproxy:1', labels: {} });
    expect(lb.HostConfig).toEqual({
      NetworkMode: 'slipway-demo',
      PortBindings: { '6443/tcp': [{ HostIp: '127.0.0.1', HostPort: '41000' }] },
      RestartPolicy: { Name: 'unless-stopped' },
      Init: false,
    });
    expect(lb.Labels).toMatchObject({ 'dev.slipway.role': 'load-balancer', 'dev.slipway.ipv4': '172.20.5.9' });
  });
});

describe('memoryBytes', () => {
  it('reads binary and decimal quantities', () => {
    expect(memoryBytes('2Gi')).toBe(2 * 2 ** 30);
    expect(memoryBytes('500M')).toBe(500e6);
    expect(memoryBytes('1024')).toBe(1024);
    expect(() => memoryBytes('2 GB')).toThrow(/not a memory quantity/);
  });
});
