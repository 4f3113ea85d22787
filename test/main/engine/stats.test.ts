import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryInUse } from '../../../main/engine/docker/stats.js';

const base = {
  cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 2_500_000_000 }, system_cpu_usage: 18_000_000_000 },
  memory_stats: { usage: 600 * 2 ** 20, limit: 2 ** 63, stats: { total_inactive_file: 100 * 2 ** 20 } },
};

describe('docker stats arithmetic', () => {
  it('computes CPU as percent of one core like `docker stats`', () => {
    // 0.5 s of CPU over 2 s of system time (both cores): 25 % of the host, 50 % of one core.
    expect(cpuPercent(base)).toBeCloseTo(50);
    expect(cpuPercent({ ...base, precpu_stats: base.cpu_stats })).toBe(0);
  });

  it('leaves the page cache out of memory (cgroup v1 and v2 field names)', () => {
    expect(memoryInUse(base)).toBe(500 * 2 ** 20);
    expect(memoryInUse({ ...base, memory_stats: { usage: 300, stats: { inactive_file: 100 } } })).toBe(200);
    expect(memoryInUse({ ...base, memory_stats: {} })).toBe(0);
  });
});
