// RETIRED_ADDON fires where a target's own counterpart of an add-on is retired (GKE's
// kubernetesDashboard), never for Slipway's add-ons, which run maintained projects.
import { describe, expect, it } from 'vitest';
import { addonIssues } from '../../../main/export/addons/issues.js';
import { EXPORT_TARGETS } from '../../../main/export/index.js';
import { exampleSpec } from './support/paths.js';

describe('add-on issues', () => {
  it("reports GKE's retired dashboard add-on and names the successor", () => {
    const retired = addonIssues(exampleSpec('addons.yaml'), 'gke').filter((found) => found.code === 'RETIRED_ADDON');
    expect(retired).toEqual([expect.objectContaining({ severity: 'info', path: 'spec.addons[3]' })]);
    expect(retired[0]?.message).toContain('kubernetesDashboard');
    expect(retired[0]?.message).toContain('Headlamp');
  });

  it.each(EXPORT_TARGETS.filter((target) => target !== 'gke'))('reports no retirement on %s', (target) => {
    const codes = addonIssues(exampleSpec('addons.yaml'), target).map((found) => found.code);
    expect(codes).not.toContain('RETIRED_ADDON');
  });

  it('does not guess ingress-nginx from parameters the ingress bundle does not have', () => {
    const spec = exampleSpec('addons.yaml');
    const ingress = spec.spec.addons.find((addon) => addon.name === 'ingress');
    if (!ingress) throw new Error('addons.yaml enables ingress');
    ingress.params = { nginxCompat: true, ingressClass: 'nginx', controller: 'ingress-nginx' };
    for (const target of EXPORT_TARGETS) {
      const retired = addonIssues(spec, target).filter((found) => found.code === 'RETIRED_ADDON');
      expect(retired.map((found) => found.path)).not.toContain('spec.addons[1].params');
    }
  });

  it('gives one ADDON_MAPPING issue per add-on on every target', () => {
    for (const target of EXPORT_TARGETS) {
      const mapped = addonIssues(exampleSpec('addons.yaml'), target).filter((found) => found.code === 'ADDON_MAPPING');
      expect(mapped.map((found) => found.message.split(':')[0])).toEqual([
        'registry',
        'ingress',
        'csi-hostpath',
        'dashboard',
        'metrics-server',
      ]);
    }
  });
});
