// Kubernetes objects as workload rows: the few facts a list shows per kind (kubectl get's
// columns), read defensively from untyped JSON so a new API field or a missing status never
// breaks the view.
import { list, obj, str } from '../adapters/kubectl-insights.js';
import type { WorkloadItem, WorkloadKind } from './types.js';

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

function base(
  kind: WorkloadKind,
  item: unknown,
): Pick<WorkloadItem, 'uid' | 'kind' | 'namespace' | 'name' | 'createdAt'> {
  const metadata = obj(obj(item).metadata);
  const namespace = str(metadata.namespace);
  const name = str(metadata.name) ?? '';
  return {
    uid: str(metadata.uid) ?? `${namespace ?? ''}/${name}`,
    kind,
    ...(namespace ? { namespace } : {}),
    name,
    ...(str(metadata.creationTimestamp) ? { createdAt: str(metadata.creationTimestamp) } : {}),
  };
}

function pod(item: unknown): WorkloadItem {
  const spec = obj(obj(item).spec);
  const status = obj(obj(item).status);
  const statuses = list(status.containerStatuses).map(obj);
  const containers = list(spec.containers).map((container) => str(obj(container).name) ?? '');
  const waiting = statuses
    .map((container) => str(obj(obj(container.state).waiting).reason))
    .find((reason) => reason !== undefined);
  const deleting = str(obj(obj(item).metadata).deletionTimestamp) !== undefined;
  const phase = str(status.phase) ?? 'Unknown';
  const shown = deleting ? 'Terminating' : (waiting ?? phase);
  const readyCount = statuses.filter((container) => container.ready === true).length;
  const tone =
    shown === 'Running' && readyCount === containers.length
      ? 'ok'
      : shown === 'Succeeded' || shown === 'Terminating'
        ? 'muted'
        : /Err|BackOff|Failed|Invalid/.test(shown)
          ? 'err'
          : 'warn';
  return {
    ...base('pods', item),
    status: shown,
    tone,
    ready: `${String(readyCount)}/${String(containers.length)}`,
    restarts: statuses.reduce((sum, container) => sum + num(container.restartCount), 0),
    ...(str(spec.nodeName) ? { node: str(spec.nodeName) } : {}),
    containers,
    details: list(spec.containers)
      .map((container) => str(obj(container).image) ?? '')
      .join(', '),
  };
}

function rollout(kind: 'deployments' | 'statefulsets', item: unknown): WorkloadItem {
  const wanted = num(obj(obj(item).spec).replicas);
  const ready = num(obj(obj(item).status).readyReplicas);
  const images = list(obj(obj(obj(obj(item).spec).template).spec).containers)
    .map((container) => str(obj(container).image) ?? '')
    .join(', ');
  return {
    ...base(kind, item),
    status: ready >= wanted ? (wanted === 0 ? 'Scaled to 0' : 'Available') : 'Progressing',
    tone: ready >= wanted ? (wanted === 0 ? 'muted' : 'ok') : 'warn',
    ready: `${String(ready)}/${String(wanted)}`,
    details: images,
  };
}

function daemonSet(item: unknown): WorkloadItem {
  const status = obj(obj(item).status);
  const wanted = num(status.desiredNumberScheduled);
  const ready = num(status.numberReady);
  return {
    ...base('daemonsets', item),
    status: ready >= wanted ? 'Available' : 'Progressing',
    tone: ready >= wanted ? 'ok' : 'warn',
    ready: `${String(ready)}/${String(wanted)}`,
  };
}

function service(item: unknown): WorkloadItem {
  const spec = obj(obj(item).spec);
  const ports = list(spec.ports)
    .map(obj)
    .map(
      (port) =>
        `${String(num(port.port))}${port.nodePort ? `:${String(num(port.nodePort))}` : ''}/${str(port.protocol) ?? 'TCP'}`,
    )
    .join(', ');
  return {
    ...base('services', item),
    status: str(spec.type) ?? 'ClusterIP',
    tone: 'ok',
    details: [str(spec.clusterIP), ports].filter(Boolean).join(' · '),
  };
}

function ingress(item: unknown): WorkloadItem {
  const spec = obj(obj(item).spec);
  const hosts = list(spec.rules)
    .map((rule) => str(obj(rule).host) ?? '*')
    .join(', ');
  const addresses = list(obj(obj(obj(item).status).loadBalancer).ingress).length;
  return {
    ...base('ingresses', item),
    status: str(spec.ingressClassName) ?? 'default class',
    tone: addresses > 0 ? 'ok' : 'muted',
    details: hosts,
  };
}

function httpRoute(item: unknown): WorkloadItem {
  const spec = obj(obj(item).spec);
  const parents = list(obj(obj(item).status).parents).map(obj);
  const accepted = parents.some((parent) =>
    list(parent.conditions).some((condition) => obj(condition).type === 'Accepted' && obj(condition).status === 'True'),
  );
  return {
    ...base('httproutes', item),
    status: accepted ? 'Accepted' : 'Not accepted',
    tone: accepted ? 'ok' : 'warn',
    details: [
      list(spec.hostnames).map(String).join(', '),
      list(spec.parentRefs)
        .map((ref) => str(obj(ref).name) ?? '')
        .join(', '),
    ]
      .filter(Boolean)
      .join(' → '),
  };
}

function namespace(item: unknown): WorkloadItem {
  const phase = str(obj(obj(item).status).phase) ?? 'Active';
  return { ...base('namespaces', item), status: phase, tone: phase === 'Active' ? 'ok' : 'muted' };
}

/** One object of a kind as its row. */
export function summarize(kind: WorkloadKind, item: unknown): WorkloadItem {
  switch (kind) {
    case 'pods':
      return pod(item);
    case 'deployments':
    case 'statefulsets':
      return rollout(kind, item);
    case 'daemonsets':
      return daemonSet(item);
    case 'services':
      return service(item);
    case 'ingresses':
      return ingress(item);
    case 'httproutes':
      return httpRoute(item);
    case 'namespaces':
      return namespace(item);
  }
}

/** Rows in a stable order: by namespace, then name. */
export function sortItems(items: WorkloadItem[]): WorkloadItem[] {
  return [...items].sort(
    (a, b) => (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name),
  );
}
