import { describe, expect, it } from 'vitest';
import { withRunningAddons } from '../../../main/export/running-addons.js';
import { exampleSpec } from './support/paths.js';

describe('withRunningAddons', () => {
  it('exports the add-ons the cluster runs: later ones added, disabled ones dropped, params from the cluster', () => {
    const spec = exampleSpec('minimal.yaml');
    spec.spec.addons = [
      { name: 'registry', params: {} },
      { name: 'ingress', params: {} },
    ];
    const merged = withRunningAddons(spec, [
      { name: 'dashboard', params: { role: 'view' } },
      { name: 'ingress', params: { defaultClass: false } },
      { name: 'team-proxy', params: {} },
    ]);
    expect(merged.spec.spec.addons).toEqual([
      { name: 'ingress', params: { defaultClass: false } },
      { name: 'dashboard', params: { role: 'view' } },
    ]);
    expect(merged).toMatchObject({ added: ['dashboard'], removed: ['registry'], unknown: ['team-proxy'] });
    expect(spec.spec.addons).toHaveLength(2);
  });

  it('changes nothing when the cluster runs what it was created with', () => {
    const spec = exampleSpec('addons.yaml');
    const running = spec.spec.addons.map(({ name, params }) => ({ name, params }));
    const merged = withRunningAddons(spec, running);
    expect(merged.spec).toEqual(spec);
    expect(merged).toMatchObject({ added: [], removed: [], unknown: [] });
  });
});
