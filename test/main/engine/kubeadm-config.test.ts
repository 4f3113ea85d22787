import { RELEASES } from '../../../main/spec/releases.js';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  certSans,
  kubeadmInitConfig,
  kubeadmJoinConfig,
  kubeletConfiguration,
  serializeDocuments,
} from '../../../main/engine/kubeadm/config.js';
import { parseKubeVersion, type KubeVersion } from '../../../main/engine/kubeadm/version.js';
import { planCluster } from '../../../main/engine/plan/plan-cluster.js';
import type { ClusterPlan } from '../../../main/engine/plan/types.js';
import { at, specOf } from './spec-fixtures.js';

function version(text: string): KubeVersion {
  const parsed = parseKubeVersion(text);
  if (!parsed) throw new Error(text);
  return parsed;
}

const v134 = version('v1.34.4');
const choices = { subnet: '172.20.5.0/24', apiServerPort: 41000 };
/** The fields of kubeadm documents these tests read. */
interface Doc {
  kind: string;
  apiVersion?: string;
  controlPlaneEndpoint?: string;
  apiServer?: { certSANs?: string[] };
  nodeRegistration?: { taints?: unknown; kubeletExtraArgs?: unknown };
  localAPIEndpoint?: unknown;
  skipPhases?: unknown;
  bootstrapTokens?: unknown;
  controlPlane?: unknown;
  discovery?: unknown;
  [field: string]: unknown;
}

function byKind(docs: readonly Doc[], kind: string): Doc {
  const doc = docs.find((d) => d.kind === kind);
  if (!doc) throw new Error(`no ${kind}`);
  return doc;
}

function initDocs(plan: ClusterPlan, v = v134, cgroupVersion: 1 | 2 = 1): Doc[] {
  return kubeadmInitConfig({
    plan,
    node: at(plan.controlPlanes),
    version: v,
    token: 'abcdef.0123456789abcdef',
    cgroupVersion,
  }) as Doc[];
}

describe('kubeadm init config', () => {
  const plan = planCluster(specOf('demo'), choices);

  it('has the four documents kubeadm init reads, in v1beta4 for 1.34', () => {
    const docs = initDocs(plan);
    expect(docs.map((d) => [d.apiVersion, d.kind])).toEqual([
      ['kubeadm.k8s.io/v1beta4', 'ClusterConfiguration'],
      ['kubeadm.k8s.io/v1beta4', 'InitConfiguration'],
      ['kubelet.config.k8s.io/v1beta1', 'KubeletConfiguration'],
      ['kubeproxy.config.k8s.io/v1alpha1', 'KubeProxyConfiguration'],
    ]);
  });

  it('sets the cluster endpoint, version, subnets and SANs for the host address', () => {
    const cluster = byKind(initDocs(plan), 'ClusterConfiguration');
    expect(cluster).toMatchObject({
      clusterName: 'demo',
      kubernetesVersion: 'v1.34.4',
      controlPlaneEndpoint: 'demo-control-plane:6443',
      networking: { podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16' },
      apiServer: { certSANs: ['localhost', '127.0.0.1'] },
      controllerManager: {
        extraArgs: [
          { name: 'enable-hostpath-provisioner', value: 'true' },
          { name: 'leader-elect', value: 'false' },
        ],
      },
      scheduler: { extraArgs: [{ name: 'leader-elect', value: 'false' }] },
    });
  });

  it('registers the node with its pinned address, skips preflight and keeps the CP taint when workers exist', () => {
    const init = byKind(initDocs(plan), 'InitConfiguration');
    expect(init.localAPIEndpoint).toEqual({ advertiseAddress: '172.20.5.10', bindPort: 6443 });
    expect(init.skipPhases).toEqual(['preflight']);
    expect(init.bootstrapTokens).toEqual([{ token: 'abcdef.0123456789abcdef' }]);
    expect(init.nodeRegistration).toEqual({
      name: 'demo-control-plane',
      criSocket: 'unix:///run/containerd/containerd.sock',
      kubeletExtraArgs: [
        { name: 'node-ip', value: '172.20.5.10' },
        { name: 'provider-id', value: 'slipway://docker/demo/demo-control-plane' },
        // The first control plane is where port mappings land unless a pool says otherwise.
        { name: 'node-labels', value: 'ingress-ready=true' },
      ],
    });
  });

  it('registers a lone control plane untainted so it can run workloads', () => {
    const single = planCluster(specOf('one', { workers: [] }), choices);
    expect(byKind(initDocs(single), 'InitConfiguration').nodeRegistration?.taints).toEqual([]);
  });

  it('configures the kubelet for nodes in containers', () => {
    expect(byKind(initDocs(plan), 'KubeletConfiguration')).toEqual({
      apiVersion: 'kubelet.config.k8s.io/v1beta1',
      kind: 'KubeletConfiguration',
      cgroupDriver: 'systemd',
      cgroupRoot: '/kubelet',
      failSwapOn: false,
      imageGCHighThresholdPercent: 100,
      evictionHard: { 'nodefs.available': '0%', 'nodefs.inodesFree': '0%', 'imagefs.available': '0%' },
    });
  });

  it('adds failCgroupV1: false only from 1.35 on cgroup v1', () => {
    expect(kubeletConfiguration(v134, 1)).not.toHaveProperty('failCgroupV1');
    expect(kubeletConfiguration(version('v1.35.0'), 1)).toMatchObject({ failCgroupV1: false });
    expect(kubeletConfiguration(version('v1.36.1'), 2)).not.toHaveProperty('failCgroupV1');
  });

  it('uses v1beta4 for every supported release (kubeadm 1.37 has no v1beta3)', () => {
    for (const release of RELEASES) {
      const docs = initDocs(plan, version(release.patch));
      expect(byKind(docs, 'ClusterConfiguration').apiVersion).toBe('kubeadm.k8s.io/v1beta4');
      expect(byKind(docs, 'InitConfiguration').apiVersion).toBe('kubeadm.k8s.io/v1beta4');
    }
  });

  it('uses the load balancer as endpoint and a SAN for HA', () => {
    const ha = planCluster(
      specOf('ha', { controlPlane: { replicas: 3 }, networking: { apiServerAddress: '192.168.1.5' } }),
      choices,
    );
    const cluster = byKind(initDocs(ha), 'ClusterConfiguration');
    expect(cluster.controlPlaneEndpoint).toBe('ha-external-load-balancer:6443');
    expect(cluster.apiServer?.certSANs).toEqual(['localhost', '127.0.0.1', '192.168.1.5', '172.20.5.9']);
    // Three control planes elect one leader among their controller managers and schedulers.
    expect(cluster).not.toHaveProperty('scheduler');
    expect(JSON.stringify(cluster)).not.toContain('leader-elect');
  });

  it('lists SANs once when the API listens everywhere', () => {
    const plan0 = planCluster(specOf('x', { networking: { apiServerAddress: '0.0.0.0' } }), choices);
    expect(certSans(plan0)).toEqual(['localhost', '127.0.0.1']);
  });
});

describe('kubeadm join config', () => {
  const spec = specOf('demo', {
    controlPlane: { replicas: 3 },
    workers: [
      {
        name: 'gpu',
        replicas: 1,
        labels: { 'example.com/gpu': 'yes' },
        taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }],
      },
    ],
  });
  const plan = planCluster(spec, choices);
  const join = (index: number, nodes = plan.workers) =>
    kubeadmJoinConfig({
      plan,
      node: at(nodes, index),
      version: v134,
      token: 't.t',
      cgroupVersion: 1,
      caCertHash: 'sha256:ab',
    })[0] as Doc;

  it('discovers the endpoint with the token and the CA pin, not unsafe skipping', () => {
    expect(join(0).discovery).toEqual({
      bootstrapToken: {
        apiServerEndpoint: 'demo-external-load-balancer:6443',
        token: 't.t',
        caCertHashes: ['sha256:ab'],
      },
    });
  });

  it('registers workers with their pool labels and taints', () => {
    const doc = join(0);
    expect(doc.controlPlane).toBeUndefined();
    expect(doc.nodeRegistration?.taints).toEqual([{ key: 'gpu', value: 'true', effect: 'NoSchedule' }]);
    expect(doc.nodeRegistration?.kubeletExtraArgs).toContainEqual({
      name: 'node-labels',
      value: 'example.com/gpu=yes,slipway.dev/pool=gpu',
    });
  });

  it('joins extra control planes with their own API endpoint', () => {
    const doc = join(1, plan.controlPlanes);
    expect(doc.controlPlane).toEqual({ localAPIEndpoint: { advertiseAddress: '172.20.5.11', bindPort: 6443 } });
    expect(doc.nodeRegistration).not.toHaveProperty('taints');
  });
});

describe('serializeDocuments', () => {
  it('round-trips through a YAML multi-document parser', () => {
    const plan = planCluster(specOf('demo'), choices);
    const docs = initDocs(plan);
    const parsed = parseAllDocuments(serializeDocuments(docs)).map((d) => d.toJS() as unknown);
    expect(parsed).toEqual(docs);
  });
});

describe('parseKubeVersion', () => {
  it('reads release and pre-release versions and rejects other text', () => {
    expect(parseKubeVersion('v1.37.0-rc.1\n')).toMatchObject({ major: 1, minor: 37, patch: 0, raw: 'v1.37.0-rc.1' });
    expect(parseKubeVersion('1.34.4')).toMatchObject({ minor: 34 });
    expect(parseKubeVersion('latest')).toBeUndefined();
  });
});
