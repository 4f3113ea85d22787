import { describe, expect, it } from 'vitest';
import { unbuiltImageNotes } from '../../../main/addons/image-overrides.js';
import { loadBundle } from '../../../main/addons/load-bundle.js';

describe('unbuilt add-on images', () => {
  it('names the command that builds an add-on whose images the built map lacks', async () => {
    const { document } = await loadBundle('ingress');
    const onlyRegistry = { 'docker.io/library/registry': 'localhost/slipway/addons/registry:2.8.2' };
    const notes = unbuiltImageNotes('ingress', document.images, onlyRegistry);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('docker.io/library/traefik:v3.6.13 is not among the images built on this host');
    expect(notes[0]).toMatch(/bash \S*images\/addons\/build\.sh ingress`$/);
  });

  it('says nothing when the map covers the images, or when no map is in use', async () => {
    const { document } = await loadBundle('ingress');
    const built = { 'docker.io/library/traefik': 'localhost/slipway/addons/traefik:v3.6.13' };
    expect(unbuiltImageNotes('ingress', document.images, built)).toEqual([]);
    expect(unbuiltImageNotes('ingress', document.images, {})).toEqual([]);
  });

  it('leaves out images Slipway cannot build offline (the dashboard)', async () => {
    const { document } = await loadBundle('dashboard');
    const onlyRegistry = { 'docker.io/library/registry': 'localhost/slipway/addons/registry:2.8.2' };
    expect(unbuiltImageNotes('dashboard', document.images, onlyRegistry)).toEqual([]);
  });
});
