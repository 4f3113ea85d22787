// The exporters' add-on table is the one source of truth: every bundle's `exports:` hints
// (addons/*/addon.yaml) must name the same action and equivalent for every target.
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../../main/addons/load-bundle.js';
import { GKE_GATEWAY_CLASS, addonEquivalent, addonMapping } from '../../../main/export/addons/mapping.js';
import { EXPORT_TARGETS } from '../../../main/export/index.js';
import { KNOWN_ADDONS } from '../../../main/spec/known-addons.js';

describe('add-on export hints', () => {
  it.each(KNOWN_ADDONS)("bundle %s's exports: hints equal the exporters' table", async (addon) => {
    const { document } = await loadBundle(addon);
    for (const target of EXPORT_TARGETS) {
      const hint = document.exports[target];
      expect({ target, action: hint?.action, with: hint?.with }).toEqual({ target, ...addonEquivalent(addon, target) });
    }
  });

  it('tells GKE users the GatewayClass the ingress equivalent names', () => {
    expect(addonEquivalent('ingress', 'gke').with).toContain(GKE_GATEWAY_CLASS);
    expect(addonMapping('ingress', 'gke').message).toContain(`gatewayClassName ${GKE_GATEWAY_CLASS}`);
  });

  it('explains why Cluster API gets Traefik rather than Contour', () => {
    const { message } = addonMapping('ingress', 'capi');
    expect(message).toContain('Traefik rather than Contour');
    expect(message).toContain('the controller the local add-on runs');
  });
});
