// Is a node image available without a registry (kindest/node pulled before, or ours built)?
import type { Checker } from './types.js';
import { engineAnswers } from './types.js';

export const nodeImagePresent: Checker = {
  id: 'node-image',
  title: 'Node image present',
  severity: 'warning',
  applicable: engineAnswers,
  async check(probes) {
    const image = await probes.nodeImage();
    if (image) return { ok: true, detail: image };
    return {
      ok: false,
      detail:
        'neither the pinned kindest/node release nor localhost/slipway/node is present; create will try to pull kindest/node',
      fix: 'offline: build the local node image with `npm run images:node`',
    };
  },
};
