// An in-memory Provider for pipeline tests: containers and networks are records, exec answers
// the few files the steps read, and faults can be injected per command. Never used in e2e.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Cancelled } from '../../../main/errors.js';
import { Label } from '../../../main/engine/labels.js';
import { DEFAULT_RELEASE, hermeticImageOf } from '../../../main/spec/releases.js';
import type { ClusterPlan, NetworkPlan, NodePlan } from '../../../main/engine/plan/types.js';
import type {
  ExecOptions,
  ExecOutput,
  HostInfo,
  ImageFacts,
  NodeRecord,
  NodeStats,
  Provider,
  ProvisionOptions,
  SecurityMode,
} from '../../../main/engine/provider.js';

const testdata = (name: string) => readFileSync(join(import.meta.dirname, name), 'utf8');

export const FAKE_NODE_IMAGE = hermeticImageOf(DEFAULT_RELEASE);

export interface ExecCall {
  node: string;
  command: readonly string[];
  stdin?: string;
}

export class FakeProvider implements Provider {
  readonly nodes = new Map<string, NodeRecord>();
  readonly networks = new Map<string, NetworkPlan>();
  readonly execs: ExecCall[] = [];
  readonly images = new Set([FAKE_NODE_IMAGE, 'localhost/slipway/haproxy:2.6-bookworm']);
  /** Containers made by someone else (name clashes). */
  readonly foreign = new Set<string>();
  /** Return a result to fail (or fake) a command; undefined runs the default. */
  onExec?: (call: ExecCall) => ExecOutput | undefined;
  /** Called when a node is provisioned (to abort mid-way, for instance). */
  onProvision?: (node: NodePlan) => void;

  hostInfo(): Promise<HostInfo> {
    return Promise.resolve({
      provider: 'fake',
      version: '0',
      cgroupVersion: 1,
      rootless: false,
      supportsMemoryLimit: true,
      supportsCpuLimit: true,
      libModules: false,
      cpus: 2,
      memoryBytes: 2 ** 34,
    });
  }

  probeSecurity(): Promise<SecurityMode> {
    return Promise.resolve('fallback');
  }

  subnetsInUse(): Promise<string[]> {
    return Promise.resolve([...this.networks.values()].map((n) => n.subnet));
  }

  createNetwork(cluster: string, network: NetworkPlan): Promise<void> {
    this.networks.set(cluster, network);
    return Promise.resolve();
  }

  provisionNode(plan: ClusterPlan, node: NodePlan, options: ProvisionOptions): Promise<void> {
    if (options.signal?.aborted) return Promise.reject(new Cancelled('cancelled'));
    this.nodes.set(node.name, {
      name: node.name,
      cluster: plan.name,
      role: node.role,
      pool: node.pool,
      state: 'running',
      ipv4: node.ipv4,
      controlPlaneIndex: node.controlPlaneIndex,
      labels: { ...options.labels, [Label.cluster]: plan.name },
      ports: node.ports.map((p) => ({ ...p })),
      image: options.image,
    });
    this.onProvision?.(node);
    return options.signal?.aborted ? Promise.reject(new Cancelled('cancelled')) : Promise.resolve();
  }

  listNodes(cluster?: string): Promise<NodeRecord[]> {
    return Promise.resolve([...this.nodes.values()].filter((n) => cluster === undefined || n.cluster === cluster));
  }

  listNetworkClusters(): Promise<string[]> {
    return Promise.resolve([...this.networks.keys()]);
  }

  existingContainers(names: readonly string[]): Promise<string[]> {
    return Promise.resolve(names.filter((n) => this.nodes.has(n) || this.foreign.has(n)));
  }

  deleteNodes(names: readonly string[]): Promise<void> {
    for (const name of names) this.nodes.delete(name);
    return Promise.resolve();
  }

  deleteNetwork(cluster: string): Promise<void> {
    this.networks.delete(cluster);
    return Promise.resolve();
  }

  startNode(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (node) node.state = 'running';
    return Promise.resolve();
  }

  stopNode(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (node) node.state = 'stopped';
    return Promise.resolve();
  }

  exec(node: string, command: readonly string[], options: ExecOptions = {}): Promise<ExecOutput> {
    const call: ExecCall = { node, command, stdin: typeof options.stdin === 'string' ? options.stdin : undefined };
    this.execs.push(call);
    const injected = this.onExec?.(call);
    if (injected) return Promise.resolve(injected);
    return Promise.resolve(this.defaultExec(command));
  }

  private defaultExec(command: readonly string[]): ExecOutput {
    const ok = (text: string): ExecOutput => ({ exitCode: 0, stdout: Buffer.from(text), stderr: Buffer.alloc(0) });
    if (command[0] !== 'cat') return ok('');
    switch (command[1]) {
      case '/etc/kubernetes/admin.conf':
        return ok(testdata('../kube/testdata/admin.conf'));
      case '/etc/kubernetes/pki/ca.crt':
        return ok(testdata('testdata/ca.crt'));
      case '/kind/manifests/default-cni.yaml':
        return ok('kind: ConfigMap\nmetadata: {name: cni}\ndata: {service-cluster-ip-range: 10.96.0.0/16}\n');
      default:
        return { exitCode: 1, stdout: Buffer.alloc(0), stderr: Buffer.from('No such file or directory') };
    }
  }

  imagePresent(ref: string): Promise<boolean> {
    return Promise.resolve(this.images.has(ref));
  }

  pullImage(): Promise<boolean> {
    return Promise.resolve(false);
  }

  imageFacts(): Promise<ImageFacts> {
    return Promise.resolve({ kubernetesVersion: DEFAULT_RELEASE.patch, id: 'sha256:fake' });
  }

  saveImages(): Promise<Readable> {
    return Promise.resolve(Readable.from([Buffer.from('archive')]));
  }

  nodeStats(node: string): Promise<NodeStats> {
    return Promise.resolve({ node, cpuPercent: 1, memoryBytes: 2 ** 28, at: 0 });
  }

  collectContainerLogs(): Promise<string[]> {
    return Promise.resolve([]);
  }

  readNodeFile(): Promise<Buffer | undefined> {
    return Promise.resolve(Buffer.from(testdata('../kube/testdata/admin.conf')));
  }

  copyFromNode(): Promise<void> {
    return Promise.resolve();
  }
}
