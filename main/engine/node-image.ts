// Which node image a cluster uses, and why. Users get kind's current release pinned by digest;
// offline hosts (ours, workshop labs) fall back to the hermetic image built by
// `npm run images:node`, which follows the same kind node contract.
import { HostProblem, NotFound } from '../errors.js';

/** kind v0.32.0's default node image (kubernetes-sigs/kind pkg/apis/config/defaults/image.go). */
export const KINDEST_NODE_IMAGE =
  'kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5';
/** The Kubernetes release our hermetic node image is built for. */
export const HERMETIC_KUBERNETES_VERSION = 'v1.34.4';
export const HERMETIC_NODE_REPOSITORY = 'localhost/slipway/node';
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

/** The version in a kindest/node reference (`kindest/node:v1.36.1@…` → v1.36.1). */
function taggedVersion(ref: string): string | undefined {
  return /:(v\d+\.\d+\.\d+)(@|$)/.exec(ref)?.[1];
}

async function available(lookup: ImageLookup, ref: string): Promise<'present' | 'pulled' | undefined> {
  if (await lookup.present(ref)) return 'present';
  return (await lookup.pull(ref)) ? 'pulled' : undefined;
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
  const wanted = request.kubernetesVersion;
  const hermetic = `${HERMETIC_NODE_REPOSITORY}:${wanted ?? HERMETIC_KUBERNETES_VERSION}`;
  if (!wanted || wanted === taggedVersion(KINDEST_NODE_IMAGE)) {
    const pinned = digestReference(KINDEST_NODE_IMAGE);
    const how = await available(request.lookup, pinned);
    if (how)
      return { ref: pinned, source: 'kindest', reason: `kind's current node release, pinned by digest (${how})` };
  }
  if (await request.lookup.present(hermetic)) {
    return {
      ref: hermetic,
      source: 'hermetic',
      reason: `kindest/node${wanted ? ` ${wanted}` : ''} is not present and could not be pulled; using the local hermetic image`,
    };
  }
  throw new HostProblem(
    `no node image: ${wanted && wanted !== taggedVersion(KINDEST_NODE_IMAGE) ? `no kindest/node release is pinned for ${wanted}` : 'kindest/node could not be pulled'} and ${hermetic} is not built`,
    {
      hint: 'build the local node image with `npm run images:node`, or pass --image REF',
    },
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
