// cgroup v1 still works (kubelet 1.31–1.34 warn; 1.35+ get failCgroupV1: false from us), but
// upstream is dropping it, so say so.
import type { Checker } from './types.js';

export const cgroupVersion: Checker = {
  id: 'cgroup-version',
  title: 'cgroup version',
  severity: 'warning',
  applicable: async (probes) => (await probes.engine()).ok,
  async check(probes) {
    const engine = await probes.engine();
    if (!engine.ok) return { ok: false, detail: 'unknown (engine not reachable)' };
    if (engine.info.cgroupVersion === 2) return { ok: true, detail: 'cgroup v2' };
    return {
      ok: true,
      detail:
        'cgroup v1: supported (kubelet ≥1.35 is configured with failCgroupV1: false); kindest/node ≥ v1.35 images may not boot',
      fix: 'prefer a cgroup v2 host (systemd.unified_cgroup_hierarchy=1) when you can',
    };
  },
};
