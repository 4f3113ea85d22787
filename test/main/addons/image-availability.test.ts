// Images an add-on runs must be on every node or pullable before anything is applied; a
// missing one is refused at once with the image and what provides it.
import { describe, expect, it } from 'vitest';
import { checkImagesAvailable, normalizeImage } from '../../../main/addons/image-availability.js';
import type { NodeAccess } from '../../../main/addons/host/types.js';
import { Conflict } from '../../../main/errors.js';

/** Nodes with the given images; pulls succeed only for `pullable`. */
function nodesWith(images: Record<string, string[]>, pullable: string[] = []): NodeAccess & { pulls: string[] } {
  const pulls: string[] = [];
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    pulls,
    listNodes: () => Promise.resolve(Object.keys(images).map((name) => ({ name, role: 'worker' as const }))),
    listImages: (_cluster, node) => Promise.resolve(images[node] ?? []),
    pullImage: (_cluster, node, image) => {
      pulls.push(`${node} ${image}`);
      return Promise.resolve(
        pullable.includes(image)
          ? { ok: true as const }
          : { ok: false as const, error: 'dial tcp: lookup ghcr.io: no such host' },
      );
    },
    writeFile: unused,
    removeFile: unused,
    fileExists: unused,
    clusterNetwork: unused,
    loadImages: unused,
  };
}

const headlamp = 'ghcr.io/headlamp-k8s/headlamp:v0.30.0';

describe('checkImagesAvailable', () => {
  it('passes images every node has, without pulling', async () => {
    const nodes = nodesWith({ a: [headlamp], b: [headlamp] });
    await checkImagesAvailable({ nodes, cluster: 'demo', addon: 'dashboard', images: [headlamp] });
    expect(nodes.pulls).toEqual([]);
  });

  it('tries one pull for an image some node lacks, and passes when it works', async () => {
    const nodes = nodesWith({ a: [headlamp], b: [] }, [headlamp]);
    await checkImagesAvailable({ nodes, cluster: 'demo', addon: 'dashboard', images: [headlamp] });
    expect(nodes.pulls).toEqual([`b ${headlamp}`]);
  });

  it('refuses an image that is neither on the nodes nor pullable, naming it and the fix', async () => {
    const nodes = nodesWith({ a: [], b: [] });
    const error = await checkImagesAvailable({ nodes, cluster: 'demo', addon: 'dashboard', images: [headlamp] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe(
      `add-on dashboard: images neither on the nodes nor pullable: ${headlamp} (not on a, b; pull failed: dial tcp: lookup ghcr.io: no such host)`,
    );
    expect((error as Conflict).hint).toMatch(/--images FILE.*slipway image load demo/);
  });
});

describe('normalizeImage', () => {
  it.each([
    ['traefik:v3.6', 'docker.io/library/traefik:v3.6'],
    ['rancher/local-path', 'docker.io/rancher/local-path:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost/slipway/headlamp:1', 'localhost/slipway/headlamp:1'],
    ['localhost:5001/x@sha256:ab', 'localhost:5001/x@sha256:ab'],
  ])('%s is %s in containerd', (reference, normalized) => {
    expect(normalizeImage(reference)).toBe(normalized);
  });
});
