// Does `--privileged` work, or will nodes use the probed fallback flag set?
import type { Checker } from './types.js';
import { engineAnswers } from './types.js';

export const privilegedMode: Checker = {
  id: 'privileged',
  title: 'Node privileges',
  severity: 'warning',
  applicable: engineAnswers,
  async check(probes) {
    const mode = await probes.securityMode();
    if (mode === 'privileged') return { ok: true, detail: 'privileged containers work' };
    if (mode === 'fallback') {
      return {
        ok: true,
        detail:
          '--privileged is refused (the host lacks a capability Docker grants it); nodes use the non-privileged fallback flag set',
      };
    }
    return {
      ok: false,
      detail: 'not probed: no node image to probe with',
      fix: 'build or pull a node image, then run doctor again',
    };
  },
};
