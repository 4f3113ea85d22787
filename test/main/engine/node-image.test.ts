import { describe, expect, it } from 'vitest';
import { HostProblem, NotFound } from '../../../main/errors.js';
import {
  chooseLoadBalancerImage,
  chooseNodeImage,
  digestReference,
  type ImageLookup,
} from '../../../main/engine/node-image.js';
import { DEFAULT_RELEASE, OLDEST_RELEASE, hermeticImageOf } from '../../../main/spec/releases.js';

/** A lookup over a fixed set of local images and of images a registry would serve. */
function lookup(local: string[], pullable: string[] = []): ImageLookup & { pulls: string[] } {
  const pulls: string[] = [];
  return {
    pulls,
    present: (ref) => Promise.resolve(local.includes(ref)),
    pull: (ref) => {
      pulls.push(ref);
      return Promise.resolve(pullable.includes(ref));
    },
  };
}

const pinned = digestReference(DEFAULT_RELEASE.kindest?.image ?? '');
const hermetic = hermeticImageOf(DEFAULT_RELEASE);
const oldest = OLDEST_RELEASE;

describe('chooseNodeImage', () => {
  it('strips the tag of a digest reference', () => {
    expect(digestReference('kindest/node:v1.36.1@sha256:abc')).toBe('kindest/node@sha256:abc');
    expect(digestReference('localhost:5000/node:v1@sha256:abc')).toBe('localhost:5000/node@sha256:abc');
    expect(digestReference('node:v1')).toBe('node:v1');
  });

  it('uses --image when present, and refuses it (exit 2) when it cannot be had', async () => {
    await expect(chooseNodeImage({ flag: 'mine:1', lookup: lookup(['mine:1']) })).resolves.toMatchObject({
      ref: 'mine:1',
      source: 'flag',
    });
    await expect(chooseNodeImage({ flag: 'mine:1', spec: 'other:1', lookup: lookup([]) })).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('uses spec.nodeImage when no flag is given', async () => {
    await expect(chooseNodeImage({ spec: 'other:1', lookup: lookup([], ['other:1']) })).resolves.toMatchObject({
      ref: 'other:1',
      source: 'spec',
    });
  });

  it('prefers the pinned kindest/node release, pulling it if needed', async () => {
    const l = lookup([hermetic], [pinned]);
    await expect(chooseNodeImage({ lookup: l })).resolves.toMatchObject({ ref: pinned, source: 'kindest' });
    expect(l.pulls).toEqual([pinned]);
  });

  it('falls back to the hermetic image offline and says why', async () => {
    const choice = await chooseNodeImage({ lookup: lookup([hermetic]) });
    expect(choice).toMatchObject({ ref: hermetic, source: 'hermetic' });
    expect(choice.reason).toMatch(/could not be pulled/);
  });

  it('resolves a minor to its release and never asks a registry for a hermetic image', async () => {
    const l = lookup([hermeticImageOf(oldest)]);
    await expect(chooseNodeImage({ kubernetesVersion: `v${oldest.minor}`, lookup: l })).resolves.toMatchObject({
      ref: hermeticImageOf(oldest),
      source: 'hermetic',
    });
    expect(l.pulls).not.toContain(hermeticImageOf(oldest));
  });

  it('takes only kindest/node for a patch that only kind pins', async () => {
    const kindestPatch = /:(v[\d.]+)@/.exec(oldest.kindest?.image ?? '')?.[1] ?? '';
    const l = lookup([hermeticImageOf(oldest)]);
    const error = await chooseNodeImage({ kubernetesVersion: kindestPatch, lookup: l }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostProblem);
    expect((error as HostProblem).message).toContain(kindestPatch);
    expect(l.pulls).toEqual([digestReference(oldest.kindest?.image ?? '')]);
  });

  it('names the command that builds a missing release', async () => {
    const error = await chooseNodeImage({ kubernetesVersion: `v${oldest.minor}`, lookup: lookup([]) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostProblem);
    expect((error as HostProblem).hint).toContain(`KUBERNETES_VERSION=v${oldest.minor} npm run images:node`);
  });

  it('without any image names `npm run images:node` (a host problem, exit 1)', async () => {
    const error = await chooseNodeImage({ lookup: lookup([]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostProblem);
    expect((error as HostProblem).hint).toContain('npm run images:node');
  });
});

describe('chooseLoadBalancerImage', () => {
  it('takes ours next to our node image and kind’s haproxy next to kindest/node', async () => {
    const both = lookup([
      'localhost/slipway/haproxy:2.6-bookworm',
      'docker.io/kindest/haproxy:v20251211-v0.29.0-alpha-100-g82a92c5d',
    ]);
    await expect(chooseLoadBalancerImage({ ref: 'x', source: 'hermetic', reason: '' }, both)).resolves.toBe(
      'localhost/slipway/haproxy:2.6-bookworm',
    );
    await expect(chooseLoadBalancerImage({ ref: 'x', source: 'kindest', reason: '' }, both)).resolves.toMatch(
      /^docker\.io\/kindest\/haproxy/,
    );
    await expect(
      chooseLoadBalancerImage({ ref: 'x', source: 'kindest', reason: '' }, lookup([])),
    ).rejects.toBeInstanceOf(HostProblem);
  });
});
