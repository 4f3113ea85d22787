// The release catalog: which Kubernetes releases Slipway runs, until when, and from which
// node images. The facts live in images/node/releases.json, which the node image build reads
// too; this module gives them types and answers "what does spec.kubernetesVersion mean".
// docs/releases.md explains the catalog and how to extend it.
import catalogFile from '../../images/node/releases.json' with { type: 'json' };

export interface PinnedKindestImage {
  /** `kindest/node:vX.Y.Z@sha256:…`. */
  image: string;
  /** The kind release whose notes pin this image. */
  kind: string;
}

export interface Release {
  /** `1.37`. */
  minor: string;
  /** The patch the hermetic node image is built for, `v1.37.2`. */
  patch: string;
  /** Upstream end of life, `YYYY-MM-DD`. */
  endOfLife: string;
  kindest?: PinnedKindestImage;
}

export interface RetiredRelease {
  minor: string;
  endOfLife: string;
}

interface CatalogFile {
  releases: Release[];
  retired: RetiredRelease[];
}

const catalog = catalogFile as CatalogFile;

/** Supported releases, newest first. */
export const RELEASES: readonly Release[] = catalog.releases;
export const RETIRED_RELEASES: readonly RetiredRelease[] = catalog.retired;
/** The newest patch of the newest minor: what a spec without kubernetesVersion gets. */
export const DEFAULT_RELEASE: Release = RELEASES[0] as Release;
export const OLDEST_RELEASE: Release = RELEASES[RELEASES.length - 1] as Release;
/** Where the hermetic node images live: `localhost/slipway/node:<patch>`. */
export const HERMETIC_NODE_REPOSITORY = 'localhost/slipway/node';

/** `v1.37` or `v1.37.2`, the forms spec.kubernetesVersion accepts. */
export const KUBERNETES_VERSION_PATTERN = /^v1\.(\d+)(?:\.(\d+))?$/;

/** The minor number of a catalog minor (`1.37` → 37). */
export function minorNumber(minor: string): number {
  return Number(minor.split('.')[1]);
}

/** What a spec asks for: a whole minor (any patch will do) or one exact patch. */
export interface ReleaseRequest {
  release: Release;
  /** Set when a patch was named; undefined when a minor (or nothing) was. */
  patch?: string;
}

export type ReleaseLookup = { ok: true; request: ReleaseRequest } | { ok: false; message: string };

/** `v1.37 (v1.37.2), v1.36 (v1.36.3), …` for messages. */
export function supportedReleasesText(): string {
  return RELEASES.map((r) => `v${r.minor} (${r.patch})`).join(', ');
}

/** The hermetic node image of a release. */
export function hermeticImageOf(release: Release): string {
  return `${HERMETIC_NODE_REPOSITORY}:${release.patch}`;
}

/** The version a kindest/node reference carries in its tag (`…:v1.36.1@…` → v1.36.1). */
export function kindestVersionOf(release: Release): string | undefined {
  return release.kindest ? /:(v\d+\.\d+\.\d+)(@|$)/.exec(release.kindest.image)?.[1] : undefined;
}

/** The command that builds a release's hermetic image. */
export function buildCommandFor(release: Release): string {
  return release === DEFAULT_RELEASE
    ? 'npm run images:node'
    : `KUBERNETES_VERSION=v${release.minor} npm run images:node`;
}

/** Resolve spec.kubernetesVersion against the catalog: unknown and retired releases fail. */
export function lookUpRelease(requested: string | undefined): ReleaseLookup {
  if (requested === undefined) return { ok: true, request: { release: DEFAULT_RELEASE } };
  const match = KUBERNETES_VERSION_PATTERN.exec(requested);
  if (!match) return { ok: false, message: `${requested} is not a Kubernetes version such as v1.37 or v1.37.2` };
  const minor = `1.${match[1] ?? ''}`;
  const release = RELEASES.find((r) => r.minor === minor);
  if (release) return { ok: true, request: match[2] === undefined ? { release } : { release, patch: requested } };
  const retired = RETIRED_RELEASES.find((r) => r.minor === minor);
  const why =
    retired || minorNumber(minor) < minorNumber(OLDEST_RELEASE.minor)
      ? `Kubernetes ${minor} reached end of life${retired ? ` on ${retired.endOfLife}` : ''}`
      : `Kubernetes ${minor} is not a release Slipway knows`;
  return { ok: false, message: `${why}; supported releases: ${supportedReleasesText()}` };
}

/** True when `version` (v1.37.2) satisfies the request. */
export function satisfies(request: ReleaseRequest, version: string): boolean {
  if (request.patch !== undefined) return version === request.patch;
  return version.startsWith(`v${request.release.minor}.`);
}

/** True once a release's end of life has passed on `today`. */
export function hasEnded(release: Release, today: Date): boolean {
  return today.toISOString().slice(0, 10) > release.endOfLife;
}
