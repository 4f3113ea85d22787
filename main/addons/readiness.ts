// Waits until an add-on is usable, not merely applied: workloads rolled out at their current
// generation, CRDs established, then the bundle's explicit checks (conditions, CSI drivers
// registered on every node, HTTP from the host, files on every node). Polls; no retries hide
// a failure: the timeout error lists what was still pending.
import { Cancelled, StepFailed } from '../errors.js';
import { httpGet } from '../net/http-get.js';
import type { ReadinessCheck } from './bundle-schema.js';
import type { NodeAccess } from './host/types.js';
import type { KubeClients } from './kube-clients.js';
import { isNotFound } from './kube-clients.js';
import type { KubeObject } from './render.js';
import { describeWaitingPods } from './waiting-pods.js';

type Status = Record<string, unknown> & { conditions?: { type: string; status: string }[] };
type Live = KubeObject & { status?: Status; spec?: Record<string, unknown> };

export interface ReadinessContext {
  clients: KubeClients;
  nodes: NodeAccess;
  cluster: string;
  signal?: AbortSignal;
  /** Called with what is still pending, once per poll that changes it. */
  onPending?: (pending: string[]) => void;
  /** The add-on's namespaces: a timeout names why each of their pods is waiting. */
  namespaces?: readonly string[];
}

const POLL_MS = 500;

/** Wait until every object and check is ready, or throw StepFailed listing what is not. */
export async function waitUntilReady(
  context: ReadinessContext,
  objects: readonly KubeObject[],
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    if (context.signal?.aborted) throw new Cancelled('cancelled while waiting for the add-on to become ready');
    const pending = await pendingItems(context, objects, checks);
    if (pending.length === 0) return;
    if (pending.join() !== last) context.onPending?.(pending);
    last = pending.join();
    if (Date.now() > deadline) {
      const pods = await describeWaitingPods(context.clients.core, context.namespaces ?? []);
      throw new StepFailed(
        'readiness',
        new Error(`not ready after ${String(Math.round(timeoutMs / 1000))} s: ${[...pending, ...pods].join('; ')}`),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function pendingItems(
  context: ReadinessContext,
  objects: readonly KubeObject[],
  checks: readonly ReadinessCheck[],
): Promise<string[]> {
  const results = await Promise.all([
    ...objects.filter((o) => DEFAULT_CHECKED.has(o.kind)).map((object) => objectPending(context, object)),
    ...checks.map((check) => checkPending(context, check)),
  ]);
  return results.filter((item): item is string => item !== undefined);
}

const DEFAULT_CHECKED = new Set(['Deployment', 'DaemonSet', 'StatefulSet', 'CustomResourceDefinition']);

async function readLive(
  context: ReadinessContext,
  ref: { apiVersion: string; kind: string; name: string; namespace?: string },
): Promise<Live | undefined> {
  try {
    return await context.clients.objects.read<Live>({
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: { name: ref.name, namespace: ref.namespace },
    });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function objectPending(context: ReadinessContext, object: KubeObject): Promise<string | undefined> {
  const ref = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    namespace: object.metadata.namespace,
  };
  const live = await readLive(context, ref);
  const label = `${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
  if (!live) return `${label} does not exist`;
  const reason = workloadPending(live);
  return reason === undefined ? undefined : `${label} ${reason}`;
}

/** Why a workload or CRD is not ready yet (kstatus-style rules), or undefined when it is. */
export function workloadPending(live: Live): string | undefined {
  const status = live.status ?? {};
  const generation = (live.metadata as { generation?: number }).generation ?? 0;
  if (live.kind === 'CustomResourceDefinition')
    return hasCondition(status, 'Established', 'True') ? undefined : 'not established';
  if (typeof status.observedGeneration === 'number' && status.observedGeneration < generation)
    return 'has not observed its latest generation';
  if (live.kind === 'DaemonSet') {
    const desired = Number(status.desiredNumberScheduled ?? 0);
    const updated = Number(status.updatedNumberScheduled ?? 0);
    const available = Number(status.numberAvailable ?? 0);
    if (desired === 0) return 'is scheduled on no node';
    return updated >= desired && available >= desired
      ? undefined
      : `has ${String(available)}/${String(desired)} pods available`;
  }
  const desired = (live.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  const ready = Number(live.kind === 'Deployment' ? (status.availableReplicas ?? 0) : (status.readyReplicas ?? 0));
  const updated = Number(status.updatedReplicas ?? 0);
  return updated >= desired && ready >= desired ? undefined : `has ${String(ready)}/${String(desired)} replicas ready`;
}

function hasCondition(status: Status, type: string, expected: string): boolean {
  return (status.conditions ?? []).some((condition) => condition.type === type && condition.status === expected);
}

async function checkPending(context: ReadinessContext, check: ReadinessCheck): Promise<string | undefined> {
  if ('rollout' in check) {
    const { kind, name, namespace } = check.rollout;
    return objectPending(context, { apiVersion: 'apps/v1', kind, metadata: { name, namespace } });
  }
  if ('condition' in check) {
    const { apiVersion, kind, name, namespace, type, status } = check.condition;
    const live = await readLive(context, { apiVersion, kind, name, namespace });
    return live && hasCondition(live.status ?? {}, type, status)
      ? undefined
      : `${kind} ${name} is not ${type}=${status}`;
  }
  if ('csiNodeDriver' in check) return csiDriverPending(context, check.csiNodeDriver.driver);
  if ('http' in check) return httpPending(check.http.url, check.http.expectStatus);
  return nodeFilePending(context, check.nodeFile.path);
}

async function csiDriverPending(context: ReadinessContext, driver: string): Promise<string | undefined> {
  const nodes = await context.nodes.listNodes(context.cluster);
  const list = await context.clients.objects.list('storage.k8s.io/v1', 'CSINode');
  const registered = new Set(
    list.items
      .filter((item) =>
        ((item as Live).spec as { drivers?: { name: string }[] } | undefined)?.drivers?.some((d) => d.name === driver),
      )
      .map((item) => item.metadata?.name),
  );
  const missing = nodes.filter((node) => !registered.has(node.name)).map((node) => node.name);
  return missing.length === 0 ? undefined : `CSI driver ${driver} is not registered on ${missing.join(', ')}`;
}

async function httpPending(url: string, expectStatus: readonly number[]): Promise<string | undefined> {
  try {
    const { status } = await httpGet(url, { timeoutMs: 3000, maxBodyBytes: 0 });
    return expectStatus.includes(status) ? undefined : `${url} answered ${String(status)}`;
  } catch (error) {
    return `${url} does not answer (${(error as Error).message})`;
  }
}

async function nodeFilePending(context: ReadinessContext, path: string): Promise<string | undefined> {
  const nodes = await context.nodes.listNodes(context.cluster);
  const present = await Promise.all(nodes.map((node) => context.nodes.fileExists(context.cluster, node.name, path)));
  const missing = nodes.filter((_, index) => !present[index]).map((node) => node.name);
  return missing.length === 0 ? undefined : `${path} is missing on ${missing.join(', ')}`;
}
