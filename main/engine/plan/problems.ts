// Checks only the engine needs on top of spec validation: node names must fit a hostname,
// pool names must not collide with control-plane names, and the nodes must fit the /24.
import type { Problem } from '../../errors.js';
import type { ClusterSpec } from '../../spec/index.js';
import { MAX_HOSTNAME, RESERVED_POOL_NAMES, loadBalancerName, workerName } from '../naming.js';
import { MAX_WORKERS } from './subnet.js';

/** Every engine-level problem with the spec, with paths like the validator's. */
export function planProblems(spec: ClusterSpec): Problem[] {
  const cluster = spec.metadata.name;
  const problems: Problem[] = [];
  spec.spec.workers.forEach((pool, index) => {
    const path = `spec.workers[${String(index)}].name`;
    if (RESERVED_POOL_NAMES.includes(pool.name)) {
      problems.push({
        path,
        message: `pool name "${pool.name}" is reserved for control-plane and load-balancer nodes; choose another`,
      });
    }
    const longest = workerName(cluster, pool.name, Math.max(pool.replicas - 1, 0));
    if (longest.length > MAX_HOSTNAME) {
      problems.push({
        path,
        message: `node name "${longest}" is longer than ${String(MAX_HOSTNAME)} characters; shorten the pool or cluster name`,
      });
    }
  });
  if (loadBalancerName(cluster).length > MAX_HOSTNAME) {
    problems.push({ path: 'metadata.name', message: `cluster name "${cluster}" is too long for its node names` });
  }
  const workers = spec.spec.workers.reduce((sum, pool) => sum + pool.replicas, 0);
  if (workers > MAX_WORKERS) {
    problems.push({
      path: 'spec.workers',
      message: `${String(workers)} workers requested; a cluster holds at most ${String(MAX_WORKERS)}`,
    });
  }
  return problems;
}
