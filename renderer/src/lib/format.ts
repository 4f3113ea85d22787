// Formatting for people: durations, sizes, ages and state labels.
import type { ClusterSummary } from '../../../main/engine/types.js';

/** 850 ms, 12.3 s, 2 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${String(Math.max(0, Math.round(ms)))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${String(minutes)} min ${String(seconds).padStart(2, '0')} s`;
}

/** 512 MiB, 1.4 GiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? String(Math.round(value)) : value.toFixed(1)} ${units[unit] ?? 'B'}`;
}

/** 5 s ago, 3 min ago, 2 h ago, 4 d ago. */
export function formatAge(iso: string | undefined, now: number): string {
  if (!iso) return '—';
  const ms = now - Date.parse(iso);
  if (Number.isNaN(ms)) return '—';
  if (ms < 60_000) return `${String(Math.max(0, Math.round(ms / 1000)))} s ago`;
  if (ms < 3_600_000) return `${String(Math.round(ms / 60_000))} min ago`;
  if (ms < 86_400_000) return `${String(Math.round(ms / 3_600_000))} h ago`;
  return `${String(Math.round(ms / 86_400_000))} d ago`;
}

export const clusterStateLabels: Record<ClusterSummary['state'], string> = {
  running: 'Running',
  stopped: 'Stopped',
  degraded: 'Degraded',
  unknown: 'Unknown',
};

/** A stable hue (0-359) for a name, to colour pods and log prefixes. */
export function hueFor(name: string): number {
  let hash = 0;
  for (let index = 0; index < name.length; index++) hash = (hash * 31 + name.charCodeAt(index)) >>> 0;
  return hash % 360;
}

/** A form control's text for any value: lists one per line, objects as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(displayValue).join('\n');
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
