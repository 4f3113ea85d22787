// An in-memory Engine for unit tests, component tests, screenshots and UI benchmarks. It
// walks the same named steps as the real engine with configurable delays, honours
// AbortSignal, and can be told to fail. It never stands in for the real engine in e2e.
import { DEFAULT_RELEASE, hermeticImageOf } from '../../spec/releases.js';
import { describeReleases, type ReleaseStatus } from '../../engine/release-status.js';
import type { EngineWithExtras, ExtraName, FollowLogsOptions } from '../../ipc/engine-extras.js';
import type { PlannedStep, TaskPlanRequest } from '../../ipc/task-plans.js';
import { Cancelled, Conflict, EngineUnavailable, NotFound, StepFailed } from '../../errors.js';
import type { ClusterSpec } from '../../spec/index.js';
import { namePatternMatcher } from '../../spec/name-pattern.js';
import type {
  ClusterSummary,
  CreateOptions,
  DoctorCheck,
  EngineInfo,
  NodeExecResult,
  ProgressListener,
  TaskOptions,
} from '../../engine/types.js';
import { sleep } from '../../lib/abortable-sleep.js';
import { fakeKubeconfig, fakeSummary, type FakeCluster } from './fake-cluster.js';
import { fakeEvents, fakeLogLines, fakeNodeStats, fakePods } from './fake-insights.js';
import { createStepsFor } from '../../engine/create/steps.js';

export interface FakeEngineOptions {
  /** Delay of each step in milliseconds (0 in unit tests, a few hundred for screenshots). */
  stepDelayMs?: number;
  /** Interval between fake log batches. */
  logIntervalMs?: number;
  now?: () => number;
  /** Application pods each running cluster reports besides its system pods (UI benchmarks). */
  appPodsPerCluster?: number;
  /** Optional capabilities to leave out, to act like an engine that lacks them. */
  without?: readonly ExtraName[];
}

type FakeSteps = readonly (readonly [string, string])[];

const START_STEPS: FakeSteps = [
  ['start-nodes', 'Starting node containers'],
  ['wait-ready', 'Waiting for nodes to be Ready'],
];
const STOP_STEPS: FakeSteps = [['stop-nodes', 'Stopping node containers']];
const DELETE_STEPS: FakeSteps = [
  ['delete-nodes', 'Removing node containers'],
  ['network', 'Removing the cluster network'],
];

/** The fake's steps for enabling or disabling an add-on (also run by the fake add-on service). */
export function fakeAddonSteps(kind: 'addon-enable' | 'addon-disable', addon: string): FakeSteps {
  return kind === 'addon-enable'
    ? [
        ['render', `Rendering ${addon}`],
        ['apply', `Applying ${addon} manifests`],
        ['ready', `Waiting for ${addon} to be ready`],
      ]
    : [['delete', `Deleting ${addon} objects`]];
}

/** The real create pipeline's steps for this spec. */
function createSteps(spec: ClusterSpec): FakeSteps {
  return createStepsFor({ controlPlanes: spec.spec.controlPlane.replicas }).map((step): [string, string] => [
    step.id,
    step.title,
  ]);
}

export class FakeEngine implements EngineWithExtras {
  private readonly clusters = new Map<string, FakeCluster>();
  private nextPort = 40123;
  private unavailable: EngineUnavailable | undefined;
  /** The id of a step that should fail on the next task, for fault tests. */
  failStep: string | undefined;
  private readonly now: () => number;

  constructor(private readonly options: FakeEngineOptions = {}) {
    this.now = options.now ?? Date.now;
    // Own undefined properties hide the prototype's methods from feature detection.
    for (const name of options.without ?? []) Object.defineProperty(this, name, { value: undefined });
  }

  /** Adds a cluster without running steps (seeding for tests and screenshots). */
  seed(
    spec: ClusterSpec,
    state: 'running' | 'stopped' = 'running',
    createdAt = new Date(this.now()).toISOString(),
  ): void {
    this.clusters.set(spec.metadata.name, { spec, createdAt, apiPort: this.nextPort++, stopped: state === 'stopped' });
  }

  /** Makes every call fail as if Docker had stopped (or recovers when false). */
  setAvailable(available: boolean): void {
    this.unavailable = available
      ? undefined
      : new EngineUnavailable('cannot connect to the Docker daemon at unix:///var/run/docker.sock', {
          hint: 'Start Docker (for example `sudo systemctl start docker`); Slipway reconnects by itself.',
        });
  }

  async createCluster(spec: ClusterSpec, options: CreateOptions = {}): Promise<ClusterSummary> {
    this.check();
    const name = spec.metadata.name;
    if (this.clusters.has(name)) throw new Conflict(`a cluster named ${name} already exists`);
    const steps = createSteps(spec);
    this.seed(spec, 'running');
    try {
      await this.runSteps(steps, options);
    } catch (error) {
      if (!options.retain) this.clusters.delete(name);
      throw error;
    }
    return this.getCluster(name);
  }

  listClusters(): Promise<ClusterSummary[]> {
    return this.later(() => [...this.clusters.values()].map(fakeSummary));
  }

  getCluster(name: string): Promise<ClusterSummary> {
    return this.later(() => fakeSummary(this.cluster(name)));
  }

  async startCluster(name: string, options: TaskOptions = {}): Promise<ClusterSummary> {
    this.check();
    const cluster = this.cluster(name);
    await this.runSteps(START_STEPS, options);
    cluster.stopped = false;
    return fakeSummary(cluster);
  }

  async stopCluster(name: string, options: TaskOptions = {}): Promise<void> {
    this.check();
    const cluster = this.cluster(name);
    await this.runSteps(STOP_STEPS, options);
    cluster.stopped = true;
  }

  async deleteCluster(name: string, options: TaskOptions = {}): Promise<void> {
    this.check();
    this.cluster(name);
    await this.runSteps(DELETE_STEPS, options);
    this.clusters.delete(name);
  }

  kubeconfig(name: string): Promise<string> {
    return this.later(() => fakeKubeconfig(this.cluster(name)));
  }

  recordedSpec(name: string): Promise<ClusterSpec | undefined> {
    return this.later(() => this.cluster(name).spec);
  }

  loadImages(name: string): Promise<void> {
    return this.later(() => void this.cluster(name));
  }

  collectLogs(name: string, outputDir: string): Promise<string[]> {
    return this.later(() => {
      this.cluster(name);
      return [`${outputDir}/${name}-control-plane/kubelet.log`];
    });
  }

  releases(): Promise<ReleaseStatus[]> {
    // The fake host has the default release's hermetic image and nothing else.
    return describeReleases((ref) => Promise.resolve(ref === hermeticImageOf(DEFAULT_RELEASE)), new Date());
  }

  doctor(): Promise<DoctorCheck[]> {
    return this.later(() => [
      { id: 'engine', title: 'Container engine reachable', ok: true, detail: 'fake engine 1.0', severity: 'error' },
      {
        id: 'cgroups',
        title: 'cgroup version',
        ok: false,
        detail: 'cgroup v1 (hybrid)',
        fix: 'Kubernetes 1.35+ needs failCgroupV1: false on cgroup v1 hosts; Slipway sets it.',
        severity: 'warning',
      },
      { id: 'inotify', title: 'inotify watches', ok: true, detail: 'max_user_watches 524288', severity: 'warning' },
    ]);
  }

  info(): Promise<EngineInfo> {
    return this.later(() => ({
      provider: 'fake',
      version: '1.0',
      privileged: true,
      cgroupVersion: 2,
      rootless: false,
      supportsMemoryLimit: true,
      supportsCpuLimit: true,
    }));
  }

  execInNode(): Promise<NodeExecResult> {
    return this.later(() => ({ exitCode: 0, stdout: '', stderr: '' }));
  }

  kubectl(): Promise<number> {
    return this.later(() => 0);
  }

  nodeStats(name: string) {
    return this.later(() => fakeNodeStats(fakeSummary(this.cluster(name)), this.now()));
  }

  kubeNodes(name: string) {
    return this.later(() => {
      const summary = fakeSummary(this.cluster(name));
      return summary.nodes
        .filter((node) => node.role !== 'load-balancer')
        .map((node) => ({
          name: node.name,
          ready: node.state === 'running',
          kubeletVersion: summary.kubernetesVersion,
          roles: node.role === 'control-plane' ? ['control-plane'] : [],
        }));
    });
  }

  listPods(name: string) {
    return this.later(() => fakePods(fakeSummary(this.cluster(name)), this.options.appPodsPerCluster ?? 0));
  }

  listEvents(name: string) {
    return this.later(() => fakeEvents(fakeSummary(this.cluster(name))));
  }

  async followLogs(
    name: string,
    { namespace, podPattern, tailLines = 10, signal, onLines }: FollowLogsOptions,
  ): Promise<void> {
    const pods = await this.listPods(name);
    const pattern = namePatternMatcher(podPattern ?? '');
    let tick = 0;
    for (; tick < Math.min(tailLines, 3); tick++) onLines(fakeLogLines(pods, tick, pattern, namespace));
    // A function, so the check is not narrowed away across the await.
    const stopped = () => signal.aborted;
    while (!stopped()) {
      await sleep(this.options.logIntervalMs ?? 1000, signal).catch(() => undefined);
      if (!stopped()) onLines(fakeLogLines(pods, tick++, pattern, namespace));
    }
  }

  /** The steps each task will walk, so the UI can list them before they start. */
  plannedSteps({ kind, spec, addon }: TaskPlanRequest): PlannedStep[] {
    const steps: Record<TaskPlanRequest['kind'], FakeSteps> = {
      create: spec ? createSteps(spec) : [],
      start: START_STEPS,
      stop: STOP_STEPS,
      delete: DELETE_STEPS,
      'addon-enable': fakeAddonSteps('addon-enable', addon ?? 'add-on'),
      'addon-disable': fakeAddonSteps('addon-disable', addon ?? 'add-on'),
    };
    return steps[kind].map(([id, title]) => ({ id, title }));
  }

  /** Walks named steps with the configured delay (also used by the fake add-on service). */
  runFakeSteps(steps: readonly (readonly [string, string])[], options: TaskOptions): Promise<void> {
    this.check();
    return this.runSteps(steps, options);
  }

  private async runSteps(
    steps: readonly (readonly [string, string])[],
    { signal, onProgress }: TaskOptions,
  ): Promise<void> {
    for (const [id, title] of steps) {
      await this.runStep(id, title, signal, onProgress);
    }
  }

  private async runStep(
    id: string,
    title: string,
    signal: AbortSignal | undefined,
    onProgress: ProgressListener | undefined,
  ): Promise<void> {
    const started = this.now();
    onProgress?.({ kind: 'step-start', step: id, title, at: started });
    try {
      if (signal?.aborted) throw new Cancelled(`cancelled before ${title}`);
      await sleep(this.options.stepDelayMs ?? 0, signal);
      onProgress?.({ kind: 'log', step: id, message: `${title}: done` });
      if (this.failStep === id) {
        this.failStep = undefined;
        throw new StepFailed(id, new Error(`fake failure in ${id}`));
      }
    } catch (error) {
      onProgress?.({
        kind: 'step-end',
        step: id,
        ok: false,
        durationMs: this.now() - started,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
    onProgress?.({ kind: 'step-end', step: id, ok: true, durationMs: this.now() - started });
  }

  private cluster(name: string): FakeCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) throw new NotFound(`no cluster named ${name}`, { hint: 'list clusters to see their names' });
    return cluster;
  }

  private check(): void {
    if (this.unavailable) throw this.unavailable;
  }

  /** Runs a read asynchronously, like a real engine call, failing when the engine is down. */
  private later<T>(read: () => T): Promise<T> {
    return Promise.resolve().then(() => {
      this.check();
      return read();
    });
  }
}
