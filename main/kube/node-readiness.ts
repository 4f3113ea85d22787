// Node readiness as the API server reports it: pure classification of a node list, and a wait
// loop on top of it that honours an AbortSignal and a deadline.
import type { CoreV1Api } from '@kubernetes/client-node';
import { SlipwayError } from '../errors.js';
import { sleep } from '../lib/abortable-sleep.js';

export interface Readiness {
  ready: string[];
  notReady: string[];
  missing: string[];
}

/** Ready, and (when `since` is given) reported Ready after that moment, not a stale status. */
/** The parts of a V1Node readiness looks at (so tests can pass plain objects). */
export interface NodeLike {
  metadata?: { name?: string };
  status?: { conditions?: { type: string; status: string; lastHeartbeatTime?: Date }[] };
}

function isReady(node: NodeLike, since?: number): boolean {
  return (node.status?.conditions ?? []).some((c) => {
    if (c.type !== 'Ready' || c.status !== 'True') return false;
    if (since === undefined) return true;
    const heartbeat = c.lastHeartbeatTime ? new Date(c.lastHeartbeatTime).getTime() : 0;
    return heartbeat >= since - CLOCK_SLACK_MS;
  });
}

/** Kubernetes timestamps have one-second resolution. */
const CLOCK_SLACK_MS = 1000;

export interface ReadinessOptions {
  /** Nodes whose Ready report must be newer than `since` (they were just started). */
  fresh?: { since: number; nodes: readonly string[] };
}

/** Which of the expected nodes are registered and Ready. */
export function classifyNodes(
  nodes: readonly NodeLike[],
  expected: readonly string[],
  options: ReadinessOptions = {},
): Readiness {
  const byName = new Map(nodes.map((node) => [node.metadata?.name ?? '', node]));
  const result: Readiness = { ready: [], notReady: [], missing: [] };
  for (const name of expected) {
    const node = byName.get(name);
    if (!node) result.missing.push(name);
    else if (isReady(node, options.fresh?.nodes.includes(name) ? options.fresh.since : undefined))
      result.ready.push(name);
    else result.notReady.push(name);
  }
  return result;
}

function describe(readiness: Readiness): string {
  const parts = [];
  if (readiness.notReady.length) parts.push(`not Ready: ${readiness.notReady.join(', ')}`);
  if (readiness.missing.length) parts.push(`not registered: ${readiness.missing.join(', ')}`);
  return parts.join('; ');
}

/** Poll until every expected node is Ready (API errors while the server settles are retried). */
export async function waitForNodesReady(
  api: CoreV1Api,
  expected: readonly string[],
  options: ReadinessOptions & { deadline: number; signal?: AbortSignal },
): Promise<void> {
  let last = 'the API server did not answer';
  while (Date.now() < options.deadline) {
    try {
      const readiness = classifyNodes((await api.listNode()).items, expected, options);
      if (readiness.ready.length === expected.length) return;
      last = describe(readiness);
    } catch (error) {
      last = `the API server did not answer: ${(error as Error).message}`;
    }
    await sleep(250, options.signal);
  }
  throw new SlipwayError(`nodes did not become Ready in time (${last})`, {
    hint: 'collect logs with `slipway logs NAME`',
  });
}
