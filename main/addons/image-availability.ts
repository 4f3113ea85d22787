// Before an add-on is applied, every image its pods use must be on every node or pullable:
// on an offline host a missing image would otherwise surface minutes later as "0/1 replicas
// ready". Images already in each node's containerd pass; for the others one pull is tried on
// a node that lacks them, and an image that can be neither is refused with what provides it.
import { Conflict } from '../errors.js';
import type { NodeAccess } from './host/types.js';

export interface ImageCheckRequest {
  nodes: NodeAccess;
  cluster: string;
  addon: string;
  /** Image references the add-on's pods run (host-side images excluded). */
  images: readonly string[];
}

/** Throws Conflict naming each image that is neither on the nodes nor pullable. */
export async function checkImagesAvailable(request: ImageCheckRequest): Promise<void> {
  const nodes = await request.nodes.listNodes(request.cluster);
  if (nodes.length === 0 || request.images.length === 0) return;
  const present = await Promise.all(
    nodes.map(
      async (node) => new Set((await request.nodes.listImages(request.cluster, node.name)).map(normalizeImage)),
    ),
  );
  const unavailable: string[] = [];
  for (const image of [...new Set(request.images)].sort()) {
    const lacking = nodes.filter((_, index) => !present[index]?.has(normalizeImage(image)));
    const first = lacking[0];
    if (first === undefined) continue;
    const pulled = await request.nodes.pullImage(request.cluster, first.name, image);
    if (!pulled.ok)
      unavailable.push(
        `${image} (not on ${lacking.map((node) => node.name).join(', ')}; pull failed: ${pulled.error})`,
      );
  }
  if (unavailable.length === 0) return;
  throw new Conflict(`add-on ${request.addon}: images neither on the nodes nor pullable: ${unavailable.join('; ')}`, {
    hint: `offline, build them with \`npm run images:addons\` and pass the map with --images FILE (docs/addons.md), or copy them in with \`slipway image load ${request.cluster} IMAGE...\``,
  });
}

/** The reference as containerd names it: docker.io/library/ for bare names, :latest for no tag. */
export function normalizeImage(reference: string): string {
  const [name = '', digest] = reference.split('@');
  const firstPart = name.split('/')[0] ?? '';
  const hasRegistry =
    name.includes('/') && (firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost');
  const withRegistry = hasRegistry ? name : `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  const lastPart = withRegistry.split('/').at(-1) ?? '';
  const tagged = lastPart.includes(':') || digest !== undefined ? withRegistry : `${withRegistry}:latest`;
  return digest === undefined ? tagged : `${tagged}@${digest}`;
}
