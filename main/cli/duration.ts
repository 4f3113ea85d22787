// Durations on the command line (`--wait 5m`, `90s`, `1m30s`, `0`), as Go and kind write them.
import { UsageError } from '../errors.js';

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a duration such as 5m, 90s or 1m30s; a bare number means seconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new UsageError(`${flag} ${text}: not a duration; use e.g. 90s, 5m or 1m30s`);
  }
  return parts.reduce((sum, [, value = '0', unit = 's']) => sum + Number(value) * (unitMs[unit] ?? 1000), 0);
}
