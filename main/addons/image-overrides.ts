// The image override map: lets air-gapped users (and the hermetic test images) point bundle
// images at local ones. Keys are upstream repositories (or full refs), values full refs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { SpecInvalid, UsageError } from '../errors.js';
import { parseYamlDocument } from '../spec/yaml-document.js';
import { zodIssuesToProblems } from './bundle-problems.js';
import type { BundleImage } from './bundle-schema.js';
import { addonImagesCommand } from '../lib/package-files.js';

export const imageOverridesSchema = z.strictObject({
  apiVersion: z.literal('slipway.dev/v1alpha1'),
  kind: z.literal('ImageOverrides'),
  images: z.record(
    z.string().min(1),
    z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?\/[^\s]+$/, 'must be a full image reference such as localhost:5001/traefik:v3.6.13'),
  ),
});

/** Upstream repository or full ref → replacement ref. */
export type ImageOverrides = Readonly<Record<string, string>>;

/** The map images/addons/build.sh writes for the images it built on this host. */
export function builtOverridesPath(): string {
  const cache = process.env.SLIPWAY_CACHE_DIR || join(homedir(), '.cache', 'slipway');
  return join(cache, 'images', 'addons', 'overrides.yaml');
}

/**
 * Where the override map comes from when no `--images` file is given: SLIPWAY_IMAGE_OVERRIDES,
 * else the map of locally built images when there is one, so an offline host uses what it
 * built without extra flags.
 */
export function overridesPathFromEnvironment(): string | undefined {
  const path = process.env.SLIPWAY_IMAGE_OVERRIDES;
  if (path !== undefined && path !== '') return path;
  const built = builtOverridesPath();
  return existsSync(built) ? built : undefined;
}

/** Load an override map file; a missing or invalid file is a usage error naming it. */
export async function loadImageOverrides(path: string | undefined): Promise<ImageOverrides> {
  if (path === undefined) return {};
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UsageError(`--images ${path}: no such file`, {
      hint: `${addonImagesCommand()} writes one under ~/.cache/slipway/images/addons/overrides.yaml (name add-ons to build only theirs)`,
    });
  });
  const parsed = parseYamlDocument(text);
  if (parsed.problems.length > 0) throw new SpecInvalid(parsed.problems, { source: path });
  const result = imageOverridesSchema.safeParse(parsed.value);
  if (!result.success) throw new SpecInvalid(zodIssuesToProblems(result.error.issues, parsed), { source: path });
  return result.data.images;
}

/** The reference to deploy for a bundle image: the override if one matches, else ref@digest. */
/**
 * Notes for a bundle's images that Slipway can build offline but that the override map does
 * not cover: without a registry they cannot be pulled, so each names the command that builds
 * them. None when no image is missing, or when no map is in use (a host that pulls).
 */
export function unbuiltImageNotes(
  addon: string,
  images: Record<string, BundleImage>,
  overrides: ImageOverrides,
): string[] {
  if (Object.keys(overrides).length === 0) return [];
  const unbuilt = Object.values(images).filter(
    (image) => image.hermetic && resolveImage(image, overrides) === resolveImage(image, {}),
  );
  if (unbuilt.length === 0) return [];
  const refs = unbuilt.map((image) => image.ref).join(', ');
  return [
    `${addon}: ${refs} ${unbuilt.length === 1 ? 'is' : 'are'} not among the images built on this host; without a registry, build ${unbuilt.length === 1 ? 'it' : 'them'} first with \`${addonImagesCommand([addon])}\``,
  ];
}

export function resolveImage(image: BundleImage, overrides: ImageOverrides): string {
  const repository = image.ref.slice(0, image.ref.lastIndexOf(':'));
  const override = overrides[image.ref] ?? overrides[repository];
  if (override !== undefined) return override;
  return image.digest ? `${image.ref}@${image.digest}` : image.ref;
}
