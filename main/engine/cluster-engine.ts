// The Engine on top of a Provider: the one object the CLI, the desktop app and the tests use.
// It holds no cluster state of its own; every answer comes from the containers' labels.
// Every verb but list and get loads its modules on first use: create and start need the
// Kubernetes client, which takes most of a second to load, and the rest need YAML, the spec
// schema or execa, none of which `slipway list` should pay for (BENCHMARKS.md).
import { NotFound, SlipwayError, SpecInvalid, UsageError } from '../errors.js';
import { kubeconfigPath } from '../lib/kubeconfig-path.js';
import type { ClusterSpec } from '../spec/index.js';
import { Label } from './labels.js';
import type { ReleaseStatus } from './release-status.js';
import { apiPublisher, summarizeCluster, summarizeClusters } from './lifecycle/summarize.js';
import type { NodeRecord, NodeStats, Provider } from './provider.js';
import type {
  ClusterSummary,
  CreateOptions,
  DoctorCheck,
  Engine,
  EngineInfo,
  KubectlStreams,
  NodeExecRequest,
  NodeExecResult,
  SpecAddonHooks,
  StartOptions,
  TaskOptions,
} from './types.js';

export interface ClusterEngineOptions {
  provider: Provider;
  /** How the engine is reached, for messages (e.g. /var/run/docker.sock). */
  endpoint: string;
  /** The kubeconfig file to merge into; default: $KUBECONFIG's first path or ~/.kube/config. */
  kubeconfigPath?: () => string;
  /** How spec.addons are checked and installed; without it, specs with add-ons are refused. */
  specAddons?: SpecAddonHooks;
}

export class ClusterEngine implements Engine {
  private readonly provider: Provider;
  private readonly kubeconfigFile: () => string;

  constructor(private readonly options: ClusterEngineOptions) {
    this.provider = options.provider;
    this.kubeconfigFile = options.kubeconfigPath ?? (() => kubeconfigPath());
  }

  async createCluster(spec: ClusterSpec, options: CreateOptions = {}): Promise<ClusterSummary> {
    const { createCluster } = await import('./create/create-cluster.js');
    const { specAddons } = this.options;
    const plan = await createCluster(spec, options, {
      provider: this.provider,
      kubeconfigPath: this.kubeconfigFile(),
      specAddons,
    });
    // spec.addons install once the cluster is ready (not with --wait 0: nothing would be ready).
    // Preflight refused add-ons without hooks, so specAddons is there when addons are.
    if (specAddons && spec.spec.addons.length > 0 && options.waitTimeoutMs !== 0) {
      await specAddons.install(this, plan.name, spec.spec.addons, options);
    }
    return this.getCluster(plan.name);
  }

  async listClusters(): Promise<ClusterSummary[]> {
    return summarizeClusters(await this.provider.listNodes(), await this.provider.listNetworkClusters());
  }

  async getCluster(name: string): Promise<ClusterSummary> {
    return summarizeCluster(name, await this.nodesOf(name));
  }

  async startCluster(name: string, options: StartOptions = {}): Promise<ClusterSummary> {
    const { startCluster } = await import('./lifecycle/start-cluster.js');
    await startCluster(this.provider, name, options);
    return this.getCluster(name);
  }

  async stopCluster(name: string, options: TaskOptions = {}): Promise<void> {
    const { stopCluster } = await import('./lifecycle/stop-cluster.js');
    await stopCluster(this.provider, name, options);
  }

  async deleteCluster(name: string, options: TaskOptions = {}): Promise<void> {
    const step = { kind: 'step-start' as const, step: 'delete', title: `Deleting cluster "${name}"`, at: Date.now() };
    options.onProgress?.(step);
    const { deleteCluster } = await import('./lifecycle/remove-cluster.js');
    await deleteCluster(this.provider, name, this.kubeconfigFile());
    options.onProgress?.({ kind: 'step-end', step: 'delete', ok: true, durationMs: Date.now() - step.at });
  }

  async kubeconfig(name: string): Promise<string> {
    const records = await this.nodesOf(name);
    const bootstrap = this.bootstrapNode(name, records);
    const binding = apiPublisher(records)?.ports.find((port) => port.containerPort === 6443);
    const adminConf = await this.provider.readNodeFile(bootstrap.name, '/etc/kubernetes/admin.conf');
    if (!binding || !adminConf)
      throw new SlipwayError(`cluster "${name}" has no kubeconfig yet (kubeadm init did not finish)`);
    const [{ hostEntry }, { standaloneKubeconfig }, { stringify }] = await Promise.all([
      import('./create/host-api.js'),
      import('../kube/kubeconfig-rewrite.js'),
      import('yaml'),
    ]);
    const entry = hostEntry(
      { name, api: { hostAddress: binding.hostIp, hostPort: binding.hostPort } },
      adminConf.toString('utf8'),
    );
    return stringify(standaloneKubeconfig(entry));
  }

  /**
   * The creation spec, with the Kubernetes version the nodes run filled in when the spec left
   * it open. Undefined when nothing was recorded; SpecInvalid (every problem) when the record
   * does not validate, so "no such cluster" (NotFound) and "bad record" stay apart.
   */
  async recordedSpec(name: string): Promise<ClusterSpec | undefined> {
    const records = await this.nodesOf(name);
    const text = records.find((node) => node.labels[Label.spec])?.labels[Label.spec];
    if (!text) return undefined;
    const source = `the spec recorded on cluster "${name}"`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new SpecInvalid([{ path: '', message: 'is not JSON' }], { source, cause: error });
    }
    const version = records.find((node) => node.labels[Label.kubernetesVersion])?.labels[Label.kubernetesVersion];
    const { validateClusterSpecValue } = await import('../spec/index.js');
    const result = validateClusterSpecValue(withKubernetesVersion(value, version));
    if (!result.ok) throw new SpecInvalid(result.problems, { source });
    return result.spec;
  }

  async loadImages(name: string, images: readonly string[], options: TaskOptions = {}): Promise<void> {
    if (images.length === 0) throw new UsageError('name at least one image to load');
    const { loadImages } = await import('./lifecycle/load-images.js');
    await loadImages(this.provider, name, images, options);
  }

  async collectLogs(name: string, outputDir: string, options: TaskOptions = {}): Promise<string[]> {
    const { collectLogs } = await import('./lifecycle/collect-logs.js');
    return collectLogs(this.provider, name, outputDir, options);
  }

  async doctor(): Promise<DoctorCheck[]> {
    const [{ hostProbes }, { runDoctor }] = await Promise.all([
      import('./doctor/host-probes.js'),
      import('./doctor/run-doctor.js'),
    ]);
    return runDoctor(hostProbes(this.provider, this.options.endpoint));
  }

  async releases(): Promise<ReleaseStatus[]> {
    const { describeReleases } = await import('./release-status.js');
    return describeReleases((ref) => this.provider.imagePresent(ref), new Date());
  }

  async info(): Promise<EngineInfo> {
    const { hostProbes } = await import('./doctor/host-probes.js');
    const host = await this.provider.hostInfo();
    const image = await hostProbes(this.provider, this.options.endpoint).nodeImage();
    const privileged = image ? (await this.provider.probeSecurity(image)) === 'privileged' : false;
    return {
      provider: host.provider,
      version: host.version,
      privileged,
      cgroupVersion: host.cgroupVersion,
      rootless: host.rootless,
      supportsMemoryLimit: host.supportsMemoryLimit,
      supportsCpuLimit: host.supportsCpuLimit,
    };
  }

  async execInNode(name: string, request: NodeExecRequest): Promise<NodeExecResult> {
    const records = await this.nodesOf(name);
    const node = request.node ?? this.bootstrapNode(name, records).name;
    if (!records.some((record) => record.name === node)) throw new NotFound(`cluster "${name}" has no node "${node}"`);
    const result = await this.provider.exec(node, request.command, request);
    return {
      exitCode: result.exitCode,
      stdout: result.stdout.toString('utf8'),
      stderr: result.stderr.toString('utf8'),
    };
  }

  async kubectl(name: string, args: readonly string[], streams: KubectlStreams): Promise<number> {
    const node = this.bootstrapNode(name, await this.nodesOf(name));
    if (node.state !== 'running')
      throw new SlipwayError(`cluster "${name}" is not running`, { hint: `start it with \`slipway start ${name}\`` });
    const { kubectlCommand } = await import('./node-exec.js');
    return (await this.provider.exec(node.name, kubectlCommand(args), streams)).exitCode;
  }

  /** CPU and memory of the cluster's running containers (an optional EngineExtras method). */
  async nodeStats(name: string): Promise<NodeStats[]> {
    const running = (await this.nodesOf(name)).filter((node) => node.state === 'running');
    return Promise.all(running.map((node) => this.provider.nodeStats(node.name)));
  }

  private async nodesOf(name: string): Promise<NodeRecord[]> {
    const records = await this.provider.listNodes(name);
    if (records.length === 0)
      throw new NotFound(`cluster "${name}" not found`, { hint: 'list clusters with `slipway list`' });
    return records;
  }

  private bootstrapNode(name: string, records: readonly NodeRecord[]): NodeRecord {
    const controlPlanes = records.filter((node) => node.role === 'control-plane');
    const node = controlPlanes.find((n) => (n.controlPlaneIndex ?? 0) === 0) ?? controlPlanes[0];
    if (!node) throw new NotFound(`cluster "${name}" has no control-plane node`);
    return node;
  }
}

/** A recorded spec value with `version` as spec.kubernetesVersion when the spec left it open. */
function withKubernetesVersion(value: unknown, version: string | undefined): unknown {
  const inner = (value as { spec?: unknown } | null)?.spec;
  if (version === undefined || !/^v\d+\.\d+\.\d+$/.test(version)) return value;
  if (inner === null || typeof inner !== 'object') return value;
  if ((inner as { kubernetesVersion?: unknown }).kubernetesVersion !== undefined) return value;
  return { ...(value as object), spec: { ...inner, kubernetesVersion: version } };
}
