import { describe, expect, it } from 'vitest';
import { anyProvides, bundleProvides } from '../../../main/addons/bundle-facts.js';
import { listBundles } from '../../../main/addons/index.js';

describe('bundle capabilities', () => {
  it('are what each shipped bundle declares', async () => {
    for (const bundle of await listBundles()) expect(bundleProvides(bundle.name)).toEqual(bundle.document.provides);
  });

  it('let exporters ask by capability instead of by name', () => {
    expect(anyProvides([{ name: 'registry' }, { name: 'csi-hostpath' }], 'storage.csi')).toBe(true);
    expect(anyProvides([{ name: 'registry' }], 'storage.csi')).toBe(false);
    expect(anyProvides([{ name: 'ingress' }], 'gateway.controller')).toBe(true);
    expect(bundleProvides('no-such-bundle')).toEqual([]);
  });
});
