// Node sizes: parse the spec's {cpus, memory} and pick the nearest entry of a site size table
// (VM classes, machine types). "Nearest" rounds up: the smallest entry that fits both.
import { quantityBytes } from '../lib/quantity.js';
import type { SizeEntry } from './site/schema.js';

/** Mebibytes in a Kubernetes quantity such as 512Mi, 2Gi, 2G or 1073741824. */
export function quantityToMebibytes(quantity: string): number {
  const bytes = quantityBytes(quantity);
  if (bytes === undefined) throw new Error(`not a memory quantity: ${quantity}`);
  return bytes / 2 ** 20;
}

export interface WantedSize {
  cpus?: number;
  memoryMiB?: number;
}

/** The size a pool asks for, or undefined when it sets neither cpus nor memory. */
export function wantedSize(resources: { cpus?: string; memory?: string }): WantedSize | undefined {
  const cpus = resources.cpus === undefined ? undefined : Number(resources.cpus);
  const memoryMiB = resources.memory === undefined ? undefined : quantityToMebibytes(resources.memory);
  if (cpus === undefined && memoryMiB === undefined) return undefined;
  return { ...(cpus !== undefined && { cpus }), ...(memoryMiB !== undefined && { memoryMiB }) };
}

export interface SizeMatch {
  entry: SizeEntry;
  /** Every dimension the pool gave is matched exactly. */
  exact: boolean;
  /** The entry is at least as large as asked in every dimension. */
  fits: boolean;
}

/** The smallest table entry that fits, else the largest one (fits: false). */
export function nearestSize(table: readonly SizeEntry[], wanted: WantedSize): SizeMatch | undefined {
  const rows = table.map((entry, order) => ({ entry, order, memoryMiB: quantityToMebibytes(entry.memory) }));
  const fitting = rows.filter(
    (row) => row.entry.cpus >= (wanted.cpus ?? 0) && row.memoryMiB >= (wanted.memoryMiB ?? 0),
  );
  const bySize = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.entry.cpus - b.entry.cpus || a.memoryMiB - b.memoryMiB || a.order - b.order;
  const chosen = fitting.length > 0 ? [...fitting].sort(bySize)[0] : [...rows].sort(bySize).at(-1);
  if (!chosen) return undefined;
  const exact =
    (wanted.cpus === undefined || wanted.cpus === chosen.entry.cpus) &&
    (wanted.memoryMiB === undefined || wanted.memoryMiB === chosen.memoryMiB);
  return { entry: chosen.entry, exact, fits: fitting.length > 0 };
}

/** "4 CPUs, 16Gi" style text for messages. */
export function describeSize(cpus: number | undefined, memory: string | undefined): string {
  const parts = [cpus === undefined ? undefined : `${String(cpus)} CPU${cpus === 1 ? '' : 's'}`, memory].filter(
    (part) => part !== undefined,
  );
  return parts.join(', ');
}
