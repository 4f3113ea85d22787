// Enough free disk where the engine keeps volumes: every node's /var copies the preloaded images.
import { requiredFreeBytes } from '../create/preflight-checks.js';
import type { Checker } from './types.js';

const GiB = 2 ** 30;
/** The default cluster: one control plane and two workers. */
const DEFAULT_NODES = 3;

export const diskSpace: Checker = {
  id: 'disk-space',
  title: 'Free disk space',
  severity: 'error',
  applicable: async (probes) => {
    const engine = await probes.engine();
    return engine.ok && engine.info.dataRoot !== undefined;
  },
  async check(probes) {
    const engine = await probes.engine();
    const root = engine.ok ? (engine.info.dataRoot ?? '/') : '/';
    const free = await probes.freeBytes(root);
    if (free === undefined) return { ok: true, detail: `cannot measure ${root} from here (remote engine?)` };
    const needed = requiredFreeBytes(DEFAULT_NODES);
    const detail = `${(free / GiB).toFixed(1)} GiB free in ${root}`;
    if (free >= needed) return { ok: true, detail };
    return {
      ok: false,
      detail: `${detail}; a 3-node cluster needs about ${(needed / GiB).toFixed(0)} GiB`,
      fix: 'free disk space (docker system prune, delete unused clusters)',
    };
  },
};
