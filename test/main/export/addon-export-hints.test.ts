// Every bundle says what it becomes on every target (`exports:` in addons/*/addon.yaml), and the
// exporters read those words from there.
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../../main/addons/load-bundle.js';
import { GKE_GATEWAY_CLASS, addonEquivalent, addonMapping } from '../../../main/export/addons/mapping.js';
import { EXPORT_TARGETS } from '../../../main/export/index.js';
import { KNOWN_ADDONS } from '../../../main/spec/known-addons.js';

describe('add-on export hints', () => {
  it.each(KNOWN_ADDONS)('bundle %s has a hint for every target, and the exporters read it', async (addon) => {
    const { document } = await loadBundle(addon);
    for (const target of EXPORT_TARGETS) {
      const hint = document.exports[target];
      expect(hint, `${addon} on ${target}`).toBeDefined();
      expect(addonEquivalent(addon, target)).toEqual({ action: hint?.action, with: hint?.with ?? '' });
    }
  });

  it('tells GKE users the GatewayClass the ingress equivalent names', () => {
    expect(addonEquivalent('ingress', 'gke')?.with).toContain(GKE_GATEWAY_CLASS);
    expect(addonMapping('ingress', 'gke').message).toContain(`gatewayClassName ${GKE_GATEWAY_CLASS}`);
  });

  it('explains why Cluster API gets Traefik rather than Contour', () => {
    const { message } = addonMapping('ingress', 'capi');
    expect(message).toContain('Traefik rather than Contour');
    expect(message).toContain('the controller the local add-on runs');
  });
});
