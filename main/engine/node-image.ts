// Which node image a cluster uses, and why. Users get kind's release for the requested minor,
// pinned by digest; offline hosts (ours, workshop labs) fall back to the hermetic image built
// by `npm run images:node`, which follows the same kind node contract. Both come from the
// release catalog (spec/releases.ts, docs/releases.md).
import { HostProblem, NotFound } from '../errors.js';
import {
  buildCommandFor,
  hermeticImageOf,
  kindestVersionOf,
  lookUpRelease,
  satisfies,
  type Release,
  type ReleaseRequest,
} from '../spec/releases.js';

/** kind v0.31.0's haproxy load balancer (the last release with haproxy). */
export const KINDEST_HAPROXY_IMAGE = 'docker.io/kindest/haproxy:v20251211-v0.29.0-alpha-100-g82a92c5d';
/** Built by `npm run images:node` next to the node image (images/node/build.sh). */
export const HERMETIC_HAPROXY_IMAGE = 'localhost/slipway/haproxy:2.6-bookworm';

export interface ImageLookup {
  present(ref: string): Promise<boolean>;
  pull(ref: string): Promise<boolean>;
}

export interface ImageChoice {
  ref: string;
  source: 'flag' | 'spec' | 'kindest' | 'hermetic';
  /** One sentence for the progress log. */
  reason: string;
}

/** `name:tag@sha256:…` → `name@sha256:…` (the form Docker stores pulls by digest under). */
export function digestReference(ref: string): string {
  const at = ref.indexOf('@');
  if (at === -1) return ref;
  const name = ref.slice(0, at);
  const colon = name.lastIndexOf(':');
  const bare = colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
  return `${bare}${ref.slice(at)}`;
}

async function available(lookup: ImageLookup, ref: string): Promise<'present' | 'pulled' | undefined> {
  if (await lookup.present(ref)) return 'present';
  return (await lookup.pull(ref)) ? 'pulled' : undefined;
}

/** An image that can serve a release: kind's pin or our hermetic build. */
export interface ReleaseImageRef {
  ref: string;
  source: 'kindest' | 'hermetic';
}

async function presentOnly(lookup: ImageLookup, ref: string): Promise<'present' | undefined> {
  return (await lookup.present(ref)) ? 'present' : undefined;
}

/** The request spec.kubernetesVersion stands for (validation refused the ones that fail). */
function requestOf(kubernetesVersion: string | undefined): ReleaseRequest {
  const found = lookUpRelease(kubernetesVersion);
  if (!found.ok) throw new NotFound(found.message);
  return found.request;
}

/** Which images of the release could serve the request, best first. */
export function candidatesFor(request: ReleaseRequest): ReleaseImageRef[] {
  const release = request.release;
  const candidates: ReleaseImageRef[] = [];
  const kindestVersion = kindestVersionOf(release);
  if (release.kindest && kindestVersion && satisfies(request, kindestVersion))
    candidates.push({ ref: digestReference(release.kindest.image), source: 'kindest' });
  if (satisfies(request, release.patch)) candidates.push({ ref: hermeticImageOf(release), source: 'hermetic' });
  return candidates;
}

function missingImage(request: ReleaseRequest, tried: readonly string[]): HostProblem {
  const release: Release = request.release;
  const wanted = request.patch ?? `v${release.minor}`;
  const builds = satisfies(request, release.patch);
  return new HostProblem(
    tried.length === 0
      ? `no node image for ${wanted}: Slipway builds ${release.patch} for ${release.minor}${release.kindest ? ` and kind pins ${kindestVersionOf(release) ?? '?'}` : ''}`
      : `no node image for ${wanted}: ${tried.join(' and ')} ${tried.length === 1 ? 'is' : 'are'} neither present nor pullable`,
    {
      hint: builds
        ? `build it with \`${buildCommandFor(release)}\`, or pass --image REF`
        : `ask for v${release.minor} or ${release.patch} (which \`${buildCommandFor(release)}\` builds), or pass --image REF`,
    },
  );
}

/** Resolve the node image: an explicit one must exist; otherwise kindest/node, then ours. */
export async function chooseNodeImage(request: {
  flag?: string;
  spec?: string;
  kubernetesVersion?: string;
  lookup: ImageLookup;
}): Promise<ImageChoice> {
  const explicit = request.flag
    ? { ref: request.flag, source: 'flag' as const }
    : request.spec
      ? { ref: request.spec, source: 'spec' as const }
      : undefined;
  if (explicit) {
    const how = await available(request.lookup, explicit.ref);
    if (!how)
      throw new NotFound(`node image ${explicit.ref} is not present and could not be pulled`, {
        hint: 'check the reference, or build the local image with `npm run images:node`',
      });
    return { ...explicit, reason: `${explicit.source === 'flag' ? '--image' : 'spec.nodeImage'} asks for it (${how})` };
  }
  const wanted = requestOf(request.kubernetesVersion);
  const candidates = candidatesFor(wanted);
  for (const candidate of candidates) {
    // Our hermetic images live only on this host: never ask a registry for them.
    const how =
      candidate.source === 'hermetic'
        ? await presentOnly(request.lookup, candidate.ref)
        : await available(request.lookup, candidate.ref);
    if (!how) continue;
    return {
      ...candidate,
      reason:
        candidate.source === 'kindest'
          ? `kind ${wanted.release.kindest?.kind ?? ''}'s node image for ${wanted.release.minor}, pinned by digest (${how})`
          : candidates.length > 1
            ? `kindest/node for ${wanted.release.minor} is not present and could not be pulled; using the local hermetic image`
            : `the local hermetic image for ${wanted.patch ?? wanted.release.minor}`,
    };
  }
  throw missingImage(
    wanted,
    candidates.map((c) => c.ref),
  );
}

/** The HA load balancer image: ours next to our node image, kind's haproxy otherwise. */
export async function chooseLoadBalancerImage(nodeChoice: ImageChoice, lookup: ImageLookup): Promise<string> {
  const hermetic = HERMETIC_HAPROXY_IMAGE;
  const order =
    nodeChoice.source === 'hermetic' ? [hermetic, KINDEST_HAPROXY_IMAGE] : [KINDEST_HAPROXY_IMAGE, hermetic];
  for (const ref of order) if (await available(lookup, ref)) return ref;
  throw new HostProblem(
    `no load balancer image for the HA control plane: neither ${order.join(' nor ')} is available`,
    {
      hint: 'build the local images with `npm run images:node`',
    },
  );
}
