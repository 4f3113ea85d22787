// Limits the engine puts on a cluster's nodes, checked as part of spec validation so that
// `slipway validate` refuses what create would: node names are hostnames (at most 63
// characters), pools may not take the names of the control-plane and load-balancer nodes,
// and the workers must fit the static addresses of the cluster's /24.
//
// These run beside the Zod schema rather than inside it: the engine's tests build specs with
// the schema alone and expect planning to refuse them (main/engine/plan/problems.ts).
import { MAX_HOSTNAME, RESERVED_POOL_NAMES, loadBalancerName, workerName } from '../lib/naming.js';
import { MAX_WORKERS } from '../lib/subnet.js';
import { fieldOf } from './list-checks.js';
import type { PathIssue } from './problem-path.js';
import { quote } from './quote.js';
import { DEFAULT_POOL_REPLICAS, MAX_NAME, dnsLabel, replicasOf } from './worker-pool-schema.js';

// Names and counts the schema refuses are left to its own messages, not reported twice.
const validName = dnsLabel('name', MAX_NAME);

interface PoolFacts {
  index: number;
  name?: string;
  /** Undefined when the replica count is itself invalid (the schema reports that). */
  replicas?: number;
}

/** Every engine-limit problem of a spec; reads the value defensively, so any input is fine. */
export function nodeLayoutProblems(value: unknown): PathIssue[] {
  const name = fieldOf(fieldOf(value, 'metadata'), 'name');
  const cluster = validName.safeParse(name).success ? (name as string) : undefined;
  const pools = poolsOf(fieldOf(value, 'spec'));
  const problems: PathIssue[] = [];
  for (const pool of pools) {
    if (pool.name === undefined) continue;
    const path = ['spec', 'workers', pool.index, 'name'];
    if (RESERVED_POOL_NAMES.includes(pool.name)) {
      problems.push({
        path,
        message: `pool name ${quote(pool.name)} is reserved for control-plane and load-balancer nodes; choose another`,
      });
    }
    if (cluster === undefined || !validName.safeParse(pool.name).success || pool.replicas === undefined) continue;
    const longest = workerName(cluster, pool.name, Math.max(pool.replicas - 1, 0));
    if (longest.length > MAX_HOSTNAME) {
      problems.push({
        path,
        message: `node name ${quote(longest)} is longer than ${String(MAX_HOSTNAME)} characters; shorten the pool or cluster name`,
      });
    }
  }
  if (cluster !== undefined && loadBalancerName(cluster).length > MAX_HOSTNAME) {
    problems.push({
      path: ['metadata', 'name'],
      message: `cluster name ${quote(cluster)} is too long for its node names`,
    });
  }
  const workers = pools.reduce((sum, pool) => sum + (pool.replicas ?? 0), 0);
  if (workers > MAX_WORKERS) {
    problems.push({
      path: ['spec', 'workers'],
      message: `${String(workers)} workers requested; a cluster holds at most ${String(MAX_WORKERS)}`,
    });
  }
  return problems;
}

/** The pools as far as they are readable; an absent list is the default pool. */
function poolsOf(spec: unknown): PoolFacts[] {
  const workers = fieldOf(spec, 'workers');
  if (workers === undefined) return [{ index: 0, name: 'workers', replicas: DEFAULT_POOL_REPLICAS }];
  if (!Array.isArray(workers)) return [];
  return workers.map((pool: unknown, index): PoolFacts => {
    const name = fieldOf(pool, 'name');
    return { index, name: typeof name === 'string' ? name : undefined, replicas: replicasOf(pool) };
  });
}
