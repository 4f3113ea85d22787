// CPU and memory of node containers, computed the way `docker stats` does (one API call per
// container; the daemon samples twice, a second apart, so the CPU figure is a rate).
import type Docker from 'dockerode';
import type { NodeStats } from '../provider.js';

interface RawStats {
  cpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats: { cpu_usage: { total_usage: number }; system_cpu_usage?: number };
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number | undefined> };
}

/** Percent of one CPU (100 = a full core) between the two samples in a stats answer. */
export function cpuPercent(stats: RawStats): number {
  const cpu = stats.cpu_stats.cpu_usage.total_usage - stats.precpu_stats.cpu_usage.total_usage;
  const system = (stats.cpu_stats.system_cpu_usage ?? 0) - (stats.precpu_stats.system_cpu_usage ?? 0);
  if (cpu <= 0 || system <= 0) return 0;
  return (cpu / system) * (stats.cpu_stats.online_cpus ?? 1) * 100;
}

/** Memory in use without the page cache (cgroup v2 inactive_file, v1 total_inactive_file). */
export function memoryInUse(stats: RawStats): number {
  const detail = stats.memory_stats.stats ?? {};
  const cache = detail.inactive_file ?? detail.total_inactive_file ?? detail.cache ?? 0;
  return Math.max((stats.memory_stats.usage ?? 0) - cache, 0);
}

/** Stats of one running container. */
export async function containerStats(docker: Docker, name: string): Promise<NodeStats> {
  const stats = (await docker.getContainer(name).stats({ stream: false })) as unknown as RawStats;
  const limit = stats.memory_stats.limit;
  return {
    node: name,
    cpuPercent: cpuPercent(stats),
    memoryBytes: memoryInUse(stats),
    // Without a limit Docker reports the host's memory; that is no limit of ours.
    ...(limit && limit < 2 ** 60 ? { memoryLimitBytes: limit } : {}),
    at: Date.now(),
  };
}
