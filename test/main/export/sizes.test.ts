import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SizeEntry } from '../../../main/export/index.js';
import { nearestSize, quantityToMebibytes } from '../../../main/export/sizes.js';

const table: SizeEntry[] = [
  { name: 'small', cpus: 2, memory: '4Gi' },
  { name: 'medium', cpus: 2, memory: '8Gi' },
  { name: 'large', cpus: 4, memory: '16Gi' },
  { name: 'xlarge', cpus: 4, memory: '32Gi' },
];

describe('node sizes', () => {
  it('reads memory quantities in binary and decimal units', () => {
    expect(quantityToMebibytes('512Mi')).toBe(512);
    expect(quantityToMebibytes('2Gi')).toBe(2048);
    expect(quantityToMebibytes('1Ti')).toBe(1024 * 1024);
    expect(quantityToMebibytes('1G')).toBeCloseTo(953.67, 2);
    expect(quantityToMebibytes('1048576')).toBe(1);
  });

  it('matches exactly when a size has the same shape', () => {
    expect(nearestSize(table, { cpus: 4, memoryMiB: 16384 })).toEqual({ entry: table[2], exact: true, fits: true });
  });

  it('rounds up to the smallest size that fits both dimensions', () => {
    expect(nearestSize(table, { cpus: 1.5, memoryMiB: 6000 })?.entry.name).toBe('medium');
    expect(nearestSize(table, { cpus: 3 })).toMatchObject({ entry: { name: 'large' }, exact: false });
    expect(nearestSize(table, { memoryMiB: 20000 })?.entry.name).toBe('xlarge');
  });

  it('falls back to the largest size when nothing fits', () => {
    expect(nearestSize(table, { cpus: 64, memoryMiB: 1 })).toEqual({ entry: table[3], exact: false, fits: false });
  });

  it('always picks a fitting size that no other fitting size undercuts', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 6, noNaN: true }),
        fc.integer({ min: 1, max: 40000 }),
        (cpus, memoryMiB) => {
          const match = nearestSize(table, { cpus, memoryMiB });
          const fitting = table.filter((entry) => entry.cpus >= cpus && quantityToMebibytes(entry.memory) >= memoryMiB);
          if (fitting.length === 0) return match?.fits === false;
          const chosen = match?.entry;
          if (chosen === undefined || !fitting.includes(chosen)) return false;
          return fitting.every(
            (entry) =>
              entry.cpus > chosen.cpus ||
              (entry.cpus === chosen.cpus && quantityToMebibytes(entry.memory) >= quantityToMebibytes(chosen.memory)),
          );
        },
      ),
    );
  });
});
