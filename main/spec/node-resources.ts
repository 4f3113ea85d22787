// Container limits of a worker pool's nodes (`resources: {cpus, memory}`), with floors below
// which a node cannot run its own services (systemd, containerd, the kubelet, kube-proxy and
// the CNI agent) and still join the cluster.
import { z } from 'zod';
import { MEMORY_QUANTITY_PATTERN, quantityBytes } from '../lib/quantity.js';

/** The smallest CPU limit a node gets: below it the kubelet misses its start-up deadlines. */
export const MIN_NODE_CPUS = 0.5;
/** The smallest memory limit a node gets, in bytes (512Mi). */
export const MIN_NODE_MEMORY_BYTES = 512 * 2 ** 20;

const CPUS_PATTERN = /^(0\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?)$/;

export const nodeResourcesSchema = z
  .strictObject({
    cpus: z
      .string({ error: 'cpus must be a string such as "1.5" (quote it)' })
      .regex(CPUS_PATTERN, { message: 'cpus must be a positive decimal such as "1" or "1.5"', abort: true })
      .refine((cpus) => Number(cpus) >= MIN_NODE_CPUS, {
        message: `cpus must be at least "${String(MIN_NODE_CPUS)}": a node runs containerd, the kubelet and kube-proxy before any pod`,
      })
      .optional()
      .meta({ description: `CPU limit per node as a decimal string, at least "${String(MIN_NODE_CPUS)}"` }),
    memory: z
      .string({ error: 'memory must be a string such as 2Gi' })
      .regex(MEMORY_QUANTITY_PATTERN, { message: 'memory must be a quantity such as 512Mi or 2Gi', abort: true })
      .refine((memory) => (quantityBytes(memory) ?? 0) >= MIN_NODE_MEMORY_BYTES, {
        message:
          'memory must be at least 512Mi: a node runs systemd, containerd, the kubelet and kube-proxy before any pod',
      })
      .optional()
      .meta({ description: 'memory limit per node as a quantity (Ki, Mi, Gi, Ti, K, M, G, T), at least 512Mi' }),
  })
  .default({})
  .meta({ description: 'container limits of each node of the pool; none by default' });
