// Why an add-on's pods are not ready, for the readiness timeout message: each waiting or
// crashing container with its reason (`ImagePullBackOff: IMAGE`, `CrashLoopBackOff` with the
// last log line), so a failure never reads as a bare "0/1 replicas ready".
import type { CoreV1Api } from '@kubernetes/client-node';

/** The parts of a container status read here (client-node's V1ContainerStatus fits). */
interface ContainerView {
  name: string;
  image: string;
  ready: boolean;
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string } };
}

/** The parts of a Pod read here (client-node's V1Pod fits). */
export interface PodView {
  metadata?: { name?: string; namespace?: string };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string; message?: string }[];
    containerStatuses?: ContainerView[];
    initContainerStatuses?: ContainerView[];
  };
}

/** How many pods are described at most (the message stays one readable line per pod). */
const MAX_PODS = 8;

const PULL_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'ErrImageNeverPull', 'InvalidImageName']);

/** One container that keeps a pod from being ready. */
export interface WaitingContainer {
  pod: string;
  namespace: string;
  container: string;
  reason: string;
  image: string;
  /** Set when the container has crashed: fetch its last log line. */
  crashed: boolean;
}

/** The containers of pods that are not ready, with why (pure: from pod objects). */
export function waitingContainers(pods: readonly PodView[]): WaitingContainer[] {
  return pods.flatMap((pod) => {
    const ready = pod.status?.conditions?.some(
      (condition) => condition.type === 'Ready' && condition.status === 'True',
    );
    if (ready === true || pod.status?.phase === 'Succeeded') return [];
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    const base = { pod: pod.metadata?.name ?? '?', namespace: pod.metadata?.namespace ?? 'default' };
    const waiting = statuses.flatMap((status) => {
      const reason = status.state?.waiting?.reason ?? status.state?.terminated?.reason;
      if (reason === undefined || status.ready) return [];
      const crashed = reason === 'CrashLoopBackOff' || status.state?.terminated !== undefined;
      return [{ ...base, container: status.name, reason, image: status.image, crashed }];
    });
    if (waiting.length > 0) return waiting;
    const unscheduled = pod.status?.conditions?.find(
      (condition) => condition.type === 'PodScheduled' && condition.status === 'False',
    );
    const reason = unscheduled
      ? `Unschedulable: ${unscheduled.message ?? ''}`.trim()
      : (pod.status?.phase ?? 'Pending');
    return [{ ...base, container: '', reason, image: '', crashed: false }];
  });
}

/** One line for a waiting container; `lastLine` is the crashed container's last log line. */
export function describeWaiting(waiting: WaitingContainer, lastLine?: string): string {
  const where = `pod ${waiting.namespace}/${waiting.pod}${waiting.container ? ` (${waiting.container})` : ''}`;
  if (PULL_REASONS.has(waiting.reason)) return `${where}: ${waiting.reason}: ${waiting.image}`;
  if (waiting.crashed && lastLine !== undefined && lastLine !== '')
    return `${where}: ${waiting.reason}, last log line: ${lastLine}`;
  return `${where}: ${waiting.reason}`;
}

/** Describe the not-ready pods of the namespaces; never throws (it only adds detail to an error). */
export async function describeWaitingPods(core: CoreV1Api, namespaces: readonly string[]): Promise<string[]> {
  try {
    const lists = await Promise.all(namespaces.map((namespace) => core.listNamespacedPod({ namespace })));
    const waiting = waitingContainers(lists.flatMap((list) => list.items)).slice(0, MAX_PODS);
    return await Promise.all(
      waiting.map(async (item) => describeWaiting(item, item.crashed ? await lastLogLine(core, item) : undefined)),
    );
  } catch {
    return [];
  }
}

async function lastLogLine(core: CoreV1Api, item: WaitingContainer): Promise<string | undefined> {
  try {
    const log = await core.readNamespacedPodLog({
      name: item.pod,
      namespace: item.namespace,
      container: item.container,
      previous: item.reason === 'CrashLoopBackOff',
      tailLines: 1,
      limitBytes: 512,
    });
    return log.trim().split('\n').at(-1)?.slice(0, 200);
  } catch {
    return undefined;
  }
}
