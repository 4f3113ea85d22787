// Multi-node clusters run many kubelets and watchers on one kernel; the default inotify limits
// make pods fail with "too many open files" (kind's known issue).
import type { Checker } from './types.js';

export const RECOMMENDED = { instances: 512, watches: 524288 } as const;
const INSTANCES = '/proc/sys/fs/inotify/max_user_instances';
const WATCHES = '/proc/sys/fs/inotify/max_user_watches';

export const inotifyLimits: Checker = {
  id: 'inotify',
  title: 'inotify limits',
  severity: 'warning',
  applicable: async (probes) => (await probes.readText(INSTANCES)) !== undefined,
  async check(probes) {
    const instances = Number((await probes.readText(INSTANCES))?.trim());
    const watches = Number((await probes.readText(WATCHES))?.trim());
    const detail = `max_user_instances=${String(instances)}, max_user_watches=${String(watches)}`;
    if (instances >= RECOMMENDED.instances && watches >= RECOMMENDED.watches) return { ok: true, detail };
    return {
      ok: false,
      detail: `${detail} (multi-node clusters want at least ${String(RECOMMENDED.instances)} and ${String(RECOMMENDED.watches)})`,
      fix: `sudo sysctl -w fs.inotify.max_user_instances=${String(RECOMMENDED.instances)} fs.inotify.max_user_watches=${String(RECOMMENDED.watches)}`,
    };
  },
};
