// Maps a worker pool's {cpus, memory} to a named size (VM class, machine type) through the
// site's size table, reporting every approximation as LOSSY_MAPPING.
import type { WorkerPool } from '../spec/index.js';
import { issue, poolPath } from './issues.js';
import type { SizeEntry } from './site/schema.js';
import { describeSize, nearestSize, wantedSize } from './sizes.js';
import type { ExportIssue } from './types.js';

export interface PoolSizeRequest {
  pool: WorkerPool;
  index: number;
  /** The site's size table, if given. */
  table: readonly SizeEntry[] | undefined;
  /** Site key of the table, e.g. `vks.vmClasses`. */
  tableKey: string;
  /** What a size is called on the target: "VM class", "machine type". */
  sizeNoun: string;
  /** What the pool gets without a match (the default class), described for messages. */
  fallback: string;
}

export interface PoolSize {
  /** The chosen size name, or undefined when the pool keeps the fallback. */
  name: string | undefined;
  issues: ExportIssue[];
}

/** Choose the size for one pool. */
export function sizeForPool(request: PoolSizeRequest): PoolSize {
  const { pool, index, table, tableKey, sizeNoun, fallback } = request;
  const wanted = wantedSize(pool.resources);
  if (wanted === undefined) return { name: undefined, issues: [] };
  const asked = describeSize(wanted.cpus, pool.resources.memory);
  const path = poolPath(index, 'resources');
  if (table === undefined) {
    const message = `pool "${pool.name}" asks for ${asked} per node, but no size table was given; it gets ${fallback}. Add ${tableKey} to the site file to map sizes to a ${sizeNoun}`;
    return { name: undefined, issues: [issue('LOSSY_MAPPING', 'warning', path, message)] };
  }
  const match = nearestSize(table, wanted);
  if (match === undefined) return { name: undefined, issues: [] };
  const shape = describeSize(match.entry.cpus, match.entry.memory);
  if (match.exact) return { name: match.entry.name, issues: [] };
  const message = match.fits
    ? `pool "${pool.name}" asks for ${asked} per node; rounded up to ${sizeNoun} ${match.entry.name} (${shape})`
    : `pool "${pool.name}" asks for ${asked} per node; no ${sizeNoun} in ${tableKey} is that large, so it gets the largest, ${match.entry.name} (${shape})`;
  return { name: match.entry.name, issues: [issue('LOSSY_MAPPING', 'warning', path, message)] };
}
