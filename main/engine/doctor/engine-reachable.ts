// Is the container engine there at all?
import type { Checker } from './types.js';

export const engineReachable: Checker = {
  id: 'engine-reachable',
  title: 'Container engine reachable',
  severity: 'error',
  applicable: () => Promise.resolve(true),
  async check(probes) {
    const engine = await probes.engine();
    if (engine.ok) return { ok: true, detail: `${engine.info.provider} ${engine.info.version} at ${engine.endpoint}` };
    return {
      ok: false,
      detail: engine.error.message,
      fix: 'start Docker: `dockerd` (or `sudo systemctl start docker`), or point DOCKER_HOST at a running engine',
    };
  },
};
