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

/** The relative luminance of an sRGB colour (WCAG 2). */
function luminance([red, green, blue]: [number, number, number]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** The WCAG contrast ratio of two colours. */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// At most 360 hues per background: a small cache, as every log line asks for its pod's colour.
const readableHues = new Map<string, string>();

/**
 * A colour of the given hue that reads on `background` at small sizes (contrast ≥ 4.6:1):
 * hues differ in brightness (yellow is far brighter than blue), so the lightness is found
 * per hue instead of fixed.
 */
export function readableHue(hue: number, background: [number, number, number], dark: boolean): string {
  const key = `${String(hue)}/${background.join(',')}/${String(dark)}`;
  const known = readableHues.get(key);
  if (known !== undefined) return known;
  let lightness = dark ? 0.7 : 0.42;
  for (let step = 0; step < 40; step++) {
    if (contrastRatio(hslToRgb(hue, 0.65, lightness), background) >= 4.6) break;
    lightness += dark ? 0.01 : -0.01;
  }
  const [red, green, blue] = hslToRgb(hue, 0.65, lightness);
  const colour = `rgb(${String(red)} ${String(green)} ${String(blue)})`;
  readableHues.set(key, colour);
  return colour;
}
