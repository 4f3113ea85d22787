// What `slipway releases` reports: each catalog release with its end of life and whether a
// node image for it is on this host, and if not, how to get one.
import { DEFAULT_RELEASE, RELEASES, buildCommandFor, hasEnded, type Release } from '../spec/releases.js';
import { candidatesFor, type ReleaseImageRef } from './node-image.js';

export interface ReleaseImage extends ReleaseImageRef {
  present: boolean;
}

export interface ReleaseStatus {
  /** `v1.37`. */
  release: string;
  patch: string;
  endOfLife: string;
  ended: boolean;
  default: boolean;
  /** The images that serve the release, best first, and whether each is on this host. */
  images: ReleaseImage[];
  /** The image create would use now, when one is present. */
  nodeImage?: ReleaseImage;
  /** How to get an image when none is present. */
  howToGet?: string;
}

async function statusOf(
  release: Release,
  present: (ref: string) => Promise<boolean>,
  today: Date,
): Promise<ReleaseStatus> {
  const images = await Promise.all(
    candidatesFor({ release }).map(async (c) => ({ ...c, present: await present(c.ref) })),
  );
  const nodeImage = images.find((image) => image.present);
  const kindest = release.kindest ? ` (with network, create pulls ${release.kindest.image.split('@')[0] ?? ''})` : '';
  return {
    release: `v${release.minor}`,
    patch: release.patch,
    endOfLife: release.endOfLife,
    ended: hasEnded(release, today),
    default: release === DEFAULT_RELEASE,
    images,
    ...(nodeImage ? { nodeImage } : { howToGet: `\`${buildCommandFor(release)}\`${kindest}` }),
  };
}

/** Every catalog release, newest first. */
export function describeReleases(present: (ref: string) => Promise<boolean>, today: Date): Promise<ReleaseStatus[]> {
  return Promise.all(RELEASES.map((release) => statusOf(release, present, today)));
}
