// In-memory workloads for the fake engine's clusters (UI tests, screenshots, benchmarks):
// the system pods and rollouts a kubeadm cluster runs plus a small shop app, with watches
// that fire on every change, pods that a Deployment replaces when deleted, rollout restarts
// and pod logs. Nothing here touches a host; it never stands in for the real engine.
import { stringify } from 'yaml';
import { Conflict, NotFound } from '../../errors.js';
import type { LogLine } from '../../ipc/engine-extras.js';
import { sortItems } from '../../ipc/workloads/summarize.js';
import type {
  PodLogOptions,
  WorkloadItem,
  WorkloadKind,
  WorkloadRef,
  WorkloadSource,
  WorkloadWatchHandlers,
} from '../../ipc/workloads/types.js';
import { sleep } from '../../lib/abortable-sleep.js';
import type { FakeEngine } from './fake-engine.js';
import { fakePods, hashUnit } from './fake-insights.js';

interface FakeObject extends WorkloadItem {
  /** kind/name of the rollout that owns a pod, which replaces it when it goes. */
  owner?: string;
}

interface Watcher {
  kind: WorkloadKind;
  namespace?: string;
  handlers: WorkloadWatchHandlers;
}

export interface FakeWorkloadsOptions {
  /** How long a replacement pod takes to appear and to become Running. */
  replaceDelayMs?: number;
  logIntervalMs?: number;
  now?: () => number;
}

const rollouts: [WorkloadKind, string, string, number][] = [
  ['deployments', 'kube-system', 'coredns', 2],
  ['deployments', 'local-path-storage', 'local-path-provisioner', 1],
  ['deployments', 'shop', 'web', 3],
  ['statefulsets', 'shop', 'db', 1],
];

export class FakeWorkloads implements WorkloadSource {
  private readonly objects = new Map<string, FakeObject[]>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  private serial = 0;
  private readonly now: () => number;

  constructor(
    private readonly engine: FakeEngine,
    private readonly options: FakeWorkloadsOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async watch(cluster: string, kind: WorkloadKind, namespace: string | undefined, handlers: WorkloadWatchHandlers) {
    await this.running(cluster);
    const watcher: Watcher = { kind, ...(namespace ? { namespace } : {}), handlers };
    const set = this.watchers.get(cluster) ?? new Set<Watcher>();
    this.watchers.set(cluster, set);
    set.add(watcher);
    queueMicrotask(() => {
      if (set.has(watcher)) handlers.onItems(this.visible(cluster, watcher));
    });
    return () => {
      set.delete(watcher);
    };
  }

  async describe(ref: WorkloadRef) {
    const object = this.find(await this.running(ref.cluster), ref);
    const document = {
      apiVersion:
        object.kind === 'pods' || object.kind === 'services' || object.kind === 'namespaces' ? 'v1' : 'apps/v1',
      kind: kindName[object.kind],
      metadata: {
        name: object.name,
        ...(object.namespace ? { namespace: object.namespace } : {}),
        uid: object.uid,
        creationTimestamp: object.createdAt,
      },
      status: { phase: object.status, ...(object.ready ? { ready: object.ready } : {}) },
      ...(object.node
        ? { spec: { nodeName: object.node, containers: object.containers?.map((name) => ({ name })) } }
        : {}),
    };
    return {
      yaml: stringify(document),
      events: [
        {
          at: object.createdAt ?? new Date(this.now()).toISOString(),
          type: 'Normal' as const,
          reason: object.kind === 'pods' ? 'Scheduled' : 'Created',
          object: `${kindName[object.kind]}/${object.name}`,
          ...(object.namespace ? { namespace: object.namespace } : {}),
          message:
            object.kind === 'pods'
              ? `Successfully assigned ${object.namespace ?? ''}/${object.name} to ${object.node ?? '?'}`
              : `Created ${object.name}`,
        },
      ],
    };
  }

  async delete(ref: WorkloadRef) {
    const objects = await this.running(ref.cluster);
    const object = this.find(objects, ref);
    const owned = (item: FakeObject) =>
      item.owner === `${object.kind}/${object.name}` && item.namespace === object.namespace;
    this.objects.set(
      ref.cluster,
      objects.filter((item) => item !== object && !owned(item)),
    );
    this.changed(ref.cluster);
    if (object.kind === 'pods' && object.owner) void this.replace(ref.cluster, object);
  }

  async restart(ref: WorkloadRef) {
    const objects = await this.running(ref.cluster);
    const object = this.find(objects, ref);
    const pods = objects.filter(
      (item) => item.owner === `${object.kind}/${object.name}` && item.namespace === object.namespace,
    );
    this.objects.set(
      ref.cluster,
      objects.filter((item) => !pods.includes(item)),
    );
    this.changed(ref.cluster);
    await Promise.all(pods.map((pod) => this.replace(ref.cluster, pod)));
  }

  async podLogs(cluster: string, options: PodLogOptions) {
    const pod = this.find(await this.running(cluster), {
      cluster,
      kind: 'pods',
      namespace: options.namespace,
      name: options.pod,
    });
    const container = options.container ?? pod.containers?.[0] ?? pod.name;
    let tick = 0;
    const line = (): LogLine => {
      const at = new Date(Date.UTC(2026, 0, 1, 12, 0, tick)).toISOString();
      const text = `${messages[(tick + Math.floor(hashUnit(pod.name) * 5)) % messages.length] ?? ''} (line ${String(tick + 1)})`;
      tick++;
      return {
        namespace: pod.namespace ?? 'default',
        pod: pod.name,
        container,
        text: options.timestamps ? `${at} ${text}` : text,
      };
    };
    options.onLines(Array.from({ length: Math.min(options.tailLines, 20) }, line));
    if (!options.follow) return;
    while (!options.signal.aborted) {
      await sleep(this.options.logIntervalMs ?? 1000, options.signal).catch(() => undefined);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the await above may have aborted it
      if (!options.signal.aborted) options.onLines([line()]);
    }
  }

  /** Every object of a cluster (tests). */
  async items(cluster: string): Promise<WorkloadItem[]> {
    return [...(await this.running(cluster))];
  }

  private async replace(cluster: string, old: FakeObject): Promise<void> {
    await sleep(this.options.replaceDelayMs ?? 50);
    // A StatefulSet's pod comes back under its own name; others get a new one.
    const base = old.owner?.startsWith('statefulsets/') ? old.name : this.podName(old.owner ?? old.name);
    const pod: FakeObject = {
      ...old,
      uid: this.uid(),
      name: base,
      status: 'ContainerCreating',
      tone: 'warn',
      ready: `0/${String(old.containers?.length ?? 1)}`,
      restarts: 0,
      createdAt: new Date(this.now()).toISOString(),
    };
    this.objects.get(cluster)?.push(pod);
    this.changed(cluster);
    await sleep(this.options.replaceDelayMs ?? 50);
    Object.assign(pod, {
      status: 'Running',
      tone: 'ok',
      ready: `${String(pod.containers?.length ?? 1)}/${String(pod.containers?.length ?? 1)}`,
    });
    this.changed(cluster);
  }

  private podName(owner: string): string {
    const name = owner.split('/')[1] ?? owner;
    const suffix = Math.floor(hashUnit(`${name}/${String(this.serial)}`) * 60466176)
      .toString(36)
      .padStart(5, '0')
      .slice(0, 5);
    return `${name}-5d8c7b9f4-${suffix}`;
  }

  private uid(): string {
    this.serial++;
    return `fake-uid-${String(this.serial)}`;
  }

  private visible(cluster: string, watcher: Pick<Watcher, 'kind' | 'namespace'>): WorkloadItem[] {
    return sortItems(
      (this.objects.get(cluster) ?? [])
        .filter(
          (item) =>
            item.kind === watcher.kind && (watcher.namespace === undefined || item.namespace === watcher.namespace),
        )
        .map((item) => {
          const row: FakeObject = { ...item };
          delete row.owner;
          return row;
        }),
    );
  }

  private changed(cluster: string): void {
    for (const watcher of this.watchers.get(cluster) ?? []) watcher.handlers.onItems(this.visible(cluster, watcher));
  }

  private find(objects: FakeObject[], ref: WorkloadRef): FakeObject {
    const found = objects.find(
      (item) =>
        item.kind === ref.kind &&
        item.name === ref.name &&
        (ref.namespace === undefined || item.namespace === ref.namespace),
    );
    if (!found)
      throw new NotFound(
        `no ${kindName[ref.kind]} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} in ${ref.cluster}`,
      );
    return found;
  }

  private async running(cluster: string): Promise<FakeObject[]> {
    const summary = await this.engine.getCluster(cluster);
    if (summary.state !== 'running')
      throw new Conflict(`cluster ${cluster} is ${summary.state}`, { hint: `start ${cluster} first` });
    let objects = this.objects.get(cluster);
    if (!objects) {
      objects = this.seed(
        cluster,
        fakePods(summary).map((pod) => ({ ...pod })),
        summary.createdAt,
      );
      this.objects.set(cluster, objects);
    }
    return objects;
  }

  private seed(cluster: string, systemPods: ReturnType<typeof fakePods>, createdAt: string | undefined): FakeObject[] {
    const at = createdAt ?? new Date(this.now()).toISOString();
    const item = (
      kind: WorkloadKind,
      namespace: string | undefined,
      name: string,
      rest: Partial<FakeObject>,
    ): FakeObject => ({
      uid: this.uid(),
      kind,
      ...(namespace ? { namespace } : {}),
      name,
      status: 'Running',
      tone: 'ok',
      createdAt: at,
      ...rest,
    });
    const workers = systemPods.map((pod) => pod.node).filter((node): node is string => node !== undefined);
    const objects: FakeObject[] = [];
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage', 'shop'])
      objects.push(item('namespaces', undefined, ns, { status: 'Active' }));
    for (const pod of systemPods) {
      const owner = pod.name.startsWith('coredns-')
        ? 'deployments/coredns'
        : pod.name.startsWith('local-path-provisioner-')
          ? 'deployments/local-path-provisioner'
          : pod.name.startsWith('kube-proxy-')
            ? 'daemonsets/kube-proxy'
            : pod.name.startsWith('kindnet-')
              ? 'daemonsets/kindnet'
              : undefined;
      objects.push(
        item('pods', pod.namespace, pod.name, {
          ready: '1/1',
          restarts: pod.restarts,
          ...(pod.node ? { node: pod.node } : {}),
          containers: [pod.name.split('-')[0] ?? pod.name],
          ...(owner ? { owner } : {}),
        }),
      );
    }
    for (const [kind, namespace, name, replicas] of rollouts) {
      objects.push(
        item(kind, namespace, name, { status: 'Available', ready: `${String(replicas)}/${String(replicas)}` }),
      );
      if (namespace !== 'shop') continue;
      for (let index = 0; index < replicas; index++) {
        objects.push(
          item(
            'pods',
            namespace,
            kind === 'statefulsets' ? `${name}-${String(index)}` : this.podName(`${kind}/${name}`),
            {
              ready: '1/1',
              restarts: 0,
              node: workers[index % Math.max(1, workers.length)] ?? `${cluster}-worker`,
              containers: [name],
              owner: `${kind}/${name}`,
            },
          ),
        );
        this.serial++;
      }
    }
    const nodes = new Set(workers).size;
    for (const name of ['kube-proxy', 'kindnet'])
      objects.push(
        item('daemonsets', 'kube-system', name, { status: 'Available', ready: `${String(nodes)}/${String(nodes)}` }),
      );
    objects.push(item('services', 'default', 'kubernetes', { status: 'ClusterIP', details: '10.96.0.1 · 443/TCP' }));
    objects.push(
      item('services', 'kube-system', 'kube-dns', { status: 'ClusterIP', details: '10.96.0.10 · 53/UDP, 53/TCP' }),
    );
    objects.push(item('services', 'shop', 'web', { status: 'ClusterIP', details: '10.96.14.7 · 80/TCP' }));
    objects.push(item('ingresses', 'shop', 'web', { status: 'traefik', details: 'web.localhost' }));
    objects.push(item('httproutes', 'shop', 'web', { status: 'Accepted', details: 'shop.localhost → traefik' }));
    return objects;
  }
}

const kindName: Record<WorkloadKind, string> = {
  namespaces: 'Namespace',
  pods: 'Pod',
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  services: 'Service',
  ingresses: 'Ingress',
  httproutes: 'HTTPRoute',
};

const messages = [
  'GET /healthz 200 312µs',
  'listening on :8080',
  'GET /api/cart 200 4.1ms',
  'cache warmed: 1200 entries',
  'POST /api/order 201 12.8ms',
];
