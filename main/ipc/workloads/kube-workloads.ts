// Workloads of a real cluster through @kubernetes/client-node: one informer per watched kind
// (list, then watch from its resourceVersion; restarted after an error), describe with the
// object's events, delete, rollout restart and pod logs. The kubeconfig comes from the
// engine (Engine.kubeconfig) and is held in memory only.
import { Writable } from 'node:stream';
import {
  CoreV1Api,
  KubernetesObjectApi,
  Log,
  makeInformer,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { stringify } from 'yaml';
import type { Engine } from '../../engine/types.js';
import { kubeConfigFromYaml } from '../../kube/client.js';
import { lineWriter, obj, toClusterEvent } from '../adapters/kubectl-insights.js';
import type { LogLine } from '../engine-extras.js';
import { API_KINDS, listPath } from './kube-api-kinds.js';
import { sortItems, summarize } from './summarize.js';
import type { PodLogOptions, WorkloadRef, WorkloadSource } from './types.js';

const COALESCE_MS = 150;
const RESTART_AFTER_ERROR_MS = 3000;
const FIELD_MANAGER = 'slipway-desktop';

/** The object a ref names, as client-node's generic API wants it. */
interface ObjectHeader {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

function header(ref: WorkloadRef): ObjectHeader {
  const api = API_KINDS[ref.kind];
  const metadata: ObjectHeader['metadata'] = { name: ref.name };
  if (api.namespaced && ref.namespace) metadata.namespace = ref.namespace;
  return { apiVersion: api.apiVersion, kind: api.kind, metadata };
}

/** WorkloadSource over the clusters of a real engine. */
export function createKubeWorkloads(engine: Pick<Engine, 'kubeconfig'>): WorkloadSource {
  const configs = new Map<string, Promise<KubeConfig>>();
  const stops = new Set<() => void>();
  const configFor = (cluster: string): Promise<KubeConfig> => {
    let config = configs.get(cluster);
    if (!config) {
      config = engine.kubeconfig(cluster).then(kubeConfigFromYaml);
      // A failed read (cluster stopped, engine down) is retried on the next call.
      config.catch(() => configs.delete(cluster));
      configs.set(cluster, config);
    }
    return config;
  };

  return {
    async watch(cluster, kind, namespace, { onItems, onError }) {
      const config = await configFor(cluster);
      const objects = KubernetesObjectApi.makeApiClient(config);
      const api = API_KINDS[kind];
      const scope = api.namespaced ? namespace : undefined;
      const informer = makeInformer(config, listPath(kind, scope), () =>
        objects.list<KubernetesObject>(api.apiVersion, api.kind, scope),
      );
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopped = false;
      // Bursts of changes (a rollout) become one update of the whole list.
      const publish = () => {
        timer ??= setTimeout(() => {
          timer = undefined;
          if (!stopped) onItems(sortItems(informer.list().map((item) => summarize(kind, item))));
        }, COALESCE_MS);
      };
      informer.on('add', publish);
      informer.on('update', publish);
      informer.on('delete', publish);
      informer.on('error', (error: unknown) => {
        if (stopped) return;
        onError(error);
        setTimeout(() => {
          if (!stopped) void informer.start().catch(onError);
        }, RESTART_AFTER_ERROR_MS);
      });
      await informer.start();
      publish();
      const stop = () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        void informer.stop();
        stops.delete(stop);
      };
      stops.add(stop);
      return stop;
    },

    async describe(ref) {
      const config = await configFor(ref.cluster);
      const object = await KubernetesObjectApi.makeApiClient(config).read(header(ref));
      const metadata = obj(object.metadata);
      delete metadata.managedFields;
      const api = API_KINDS[ref.kind];
      const core = config.makeApiClient(CoreV1Api);
      const selector = `involvedObject.name=${ref.name},involvedObject.kind=${api.kind}`;
      const events = await (api.namespaced && ref.namespace
        ? core.listNamespacedEvent({ namespace: ref.namespace, fieldSelector: selector })
        : core.listEventForAllNamespaces({ fieldSelector: selector }));
      return {
        yaml: stringify(object),
        events: events.items.map(toClusterEvent).sort((a, b) => a.at.localeCompare(b.at)),
      };
    },

    async delete(ref) {
      const config = await configFor(ref.cluster);
      await KubernetesObjectApi.makeApiClient(config).delete(header(ref));
    },

    async restart(ref) {
      const config = await configFor(ref.cluster);
      const patch = {
        ...header(ref),
        spec: {
          template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': new Date().toISOString() } } },
        },
      };
      await KubernetesObjectApi.makeApiClient(config).patch(
        patch,
        undefined,
        undefined,
        FIELD_MANAGER,
        undefined,
        PatchStrategy.StrategicMergePatch,
      );
    },

    async podLogs(cluster, options: PodLogOptions) {
      const config = await configFor(cluster);
      const container =
        options.container ??
        (await config.makeApiClient(CoreV1Api).readNamespacedPod({ name: options.pod, namespace: options.namespace }))
          .spec?.containers[0]?.name ??
        '';
      await streamLog(config, { ...options, container });
    },

    dispose() {
      for (const stop of [...stops]) stop();
    },
  };
}

/** Follows one container's log, batching lines, until the signal aborts or the log ends. */
async function streamLog(config: KubeConfig, options: PodLogOptions & { container: string }): Promise<void> {
  let batch: LogLine[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    options.onLines(lines);
  };
  const target = { namespace: options.namespace, pod: options.pod, container: options.container };
  const writer: Writable = lineWriter((text) => batch.push({ ...target, text }));
  const timer = setInterval(flush, 200);
  try {
    // The log ends when the server closes the stream (not following, or the pod went away)
    // or when the signal aborts the request.
    const ended = new Promise<void>((resolve) => {
      writer.once('finish', resolve);
      writer.once('close', resolve);
      options.signal.addEventListener('abort', () => {
        resolve();
      });
    });
    const controller = await new Log(config).log(options.namespace, options.pod, options.container, writer, {
      follow: options.follow,
      tailLines: options.tailLines,
      timestamps: options.timestamps,
    });
    if (options.signal.aborted) controller.abort();
    options.signal.addEventListener('abort', () => {
      controller.abort();
    });
    await ended;
  } finally {
    clearInterval(timer);
    flush();
  }
}
