// Kubernetes node status, pods, events and log tails for engines that do not report them
// natively, read with the cluster's own kubectl (Engine.kubectl, run inside the control
// plane). Native methods always win; this only fills the gaps.
import { Writable } from 'node:stream';
import type { Engine } from '../../engine/types.js';
import { CommandFailed } from '../../errors.js';
import { namePatternMatcher } from '../../spec/name-pattern.js';
import type {
  ClusterEvent,
  EngineExtras,
  EngineWithExtras,
  FollowLogsOptions,
  KubeNodeInfo,
  LogLine,
  PodSummary,
} from '../engine-extras.js';

const MAX_TAILED_CONTAINERS = 12;
const MAX_EVENTS = 100;

/** A stream that hands complete lines to a callback. */
export function lineWriter(onLine: (line: string) => void): Writable & { text(): string } {
  let pending = '';
  let all = '';
  const writer = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const text = chunk.toString();
      all += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line.replace(/\r$/, ''));
      done();
    },
    final(done) {
      if (pending !== '') onLine(pending);
      done();
    },
  });
  return Object.assign(writer, { text: () => all });
}

/** Runs kubectl with -o json in a cluster and parses the output. */
export async function kubectlJson(
  engine: Engine,
  cluster: string,
  args: readonly string[],
): Promise<{ items?: unknown[] }> {
  const stdout = lineWriter(() => undefined);
  const stderr = lineWriter(() => undefined);
  const exitCode = await engine.kubectl(cluster, [...args, '-o', 'json'], { stdout, stderr });
  if (exitCode !== 0)
    throw new CommandFailed({ command: ['kubectl', ...args], exitCode, stderr: stderr.text(), where: cluster });
  return JSON.parse(stdout.text()) as { items?: unknown[] };
}

export type Json = Record<string, unknown>;
export const obj = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A node as Kubernetes reports it. */
export function toKubeNode(item: unknown): KubeNodeInfo {
  const metadata = obj(obj(item).metadata);
  const status = obj(obj(item).status);
  const ready = list(status.conditions).some(
    (condition) => obj(condition).type === 'Ready' && obj(condition).status === 'True',
  );
  const roles = Object.keys(obj(metadata.labels))
    .filter((label) => label.startsWith('node-role.kubernetes.io/'))
    .map((label) => label.slice('node-role.kubernetes.io/'.length));
  return { name: str(metadata.name) ?? '', ready, kubeletVersion: str(obj(status.nodeInfo).kubeletVersion), roles };
}

/** A pod summary from a pod object. */
export function toPodSummary(item: unknown): PodSummary {
  const metadata = obj(obj(item).metadata);
  const status = obj(obj(item).status);
  const containers = list(status.containerStatuses).map(obj);
  const phase = str(status.phase);
  return {
    namespace: str(metadata.namespace) ?? 'default',
    name: str(metadata.name) ?? '',
    node: str(obj(obj(item).spec).nodeName),
    phase:
      phase === 'Pending' || phase === 'Running' || phase === 'Succeeded' || phase === 'Failed' ? phase : 'Unknown',
    ready: containers.length > 0 && containers.every((container) => container.ready === true),
    restarts: containers.reduce(
      (sum, container) => sum + (typeof container.restartCount === 'number' ? container.restartCount : 0),
      0,
    ),
  };
}

/** An event from a core/v1 Event object. */
export function toClusterEvent(item: unknown): ClusterEvent {
  const event = obj(item);
  const metadata = obj(event.metadata);
  const involved = obj(event.involvedObject);
  return {
    at: str(event.lastTimestamp) ?? str(event.eventTime) ?? str(metadata.creationTimestamp) ?? '',
    type: event.type === 'Warning' ? 'Warning' : 'Normal',
    reason: str(event.reason) ?? '',
    object: `${str(involved.kind) ?? '?'}/${str(involved.name) ?? '?'}`,
    ...(str(involved.namespace) ? { namespace: str(involved.namespace) } : {}),
    message: (str(event.message) ?? '').trim(),
    ...(typeof event.count === 'number' ? { count: event.count } : {}),
  };
}

/** The kubectl-based extras for an engine. */
export function kubectlExtras(engine: Engine): Required<Omit<EngineExtras, 'nodeStats' | 'plannedSteps'>> {
  const pods = async (cluster: string, namespace?: string) =>
    list((await kubectlJson(engine, cluster, ['get', 'pods', ...(namespace ? ['-n', namespace] : ['-A'])])).items);
  return {
    kubeNodes: async (cluster) => list((await kubectlJson(engine, cluster, ['get', 'nodes'])).items).map(toKubeNode),
    listPods: async (cluster) => (await pods(cluster)).map(toPodSummary),
    listEvents: async (cluster) =>
      list((await kubectlJson(engine, cluster, ['get', 'events', '-A'])).items)
        .map(toClusterEvent)
        .sort((a, b) => a.at.localeCompare(b.at))
        .slice(-MAX_EVENTS),
    followLogs: async (cluster, options) => {
      const matches = namePatternMatcher(options.podPattern ?? '');
      const targets = (await pods(cluster, options.namespace))
        .filter((pod) => matches(str(obj(obj(pod).metadata).name) ?? ''))
        .flatMap((pod) =>
          list(obj(obj(pod).spec).containers).map((container) => ({
            namespace: str(obj(obj(pod).metadata).namespace) ?? 'default',
            pod: str(obj(obj(pod).metadata).name) ?? '',
            container: str(obj(container).name) ?? '',
          })),
        )
        .slice(0, MAX_TAILED_CONTAINERS);
      await followAll(engine, cluster, targets, options);
    },
  };
}

async function followAll(
  engine: Engine,
  cluster: string,
  targets: Omit<LogLine, 'text'>[],
  options: FollowLogsOptions,
): Promise<void> {
  let batch: LogLine[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    options.onLines(lines);
  };
  // Lines from many containers arrive in bursts; batching keeps the event rate sane.
  const timer = setInterval(flush, 200);
  try {
    await Promise.all(
      targets.map((target) => {
        const stdout = lineWriter((text) => batch.push({ ...target, text }));
        const args = [
          'logs',
          '-f',
          `--tail=${String(options.tailLines ?? 50)}`,
          '-n',
          target.namespace,
          target.pod,
          '-c',
          target.container,
        ];
        return engine
          .kubectl(cluster, args, { stdout, stderr: lineWriter(() => undefined), signal: options.signal })
          .catch(() => 1);
      }),
    );
  } finally {
    clearInterval(timer);
    flush();
  }
}

/** The engine with kubectl-based extras wherever it has no native method. */
export function withKubectlInsights(engine: Engine): EngineWithExtras {
  const extras = kubectlExtras(engine) as Record<string, unknown>;
  return new Proxy(engine, {
    get(target, property, receiver) {
      const own: unknown = Reflect.get(target, property, receiver);
      if (typeof property === 'string' && typeof own !== 'function' && property in extras) return extras[property];
      return typeof own === 'function' ? (own as (...args: unknown[]) => unknown).bind(target) : own;
    },
  });
}
