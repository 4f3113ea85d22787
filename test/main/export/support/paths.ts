// Where export tests find their inputs: the repo's examples and the shared schemas that sit
// beside the checkout (../shared/schemas, as in CI), overridable with SLIPWAY_SHARED_DIR.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadClusterSpec, type ClusterSpec } from '../../../../main/spec/index.js';
import { loadSiteInputs, type SiteInputs } from '../../../../main/export/index.js';

export const repoRoot = resolve(import.meta.dirname, '../../../..');
export const sharedDir = process.env.SLIPWAY_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const schemasDir = join(sharedDir, 'schemas');
export const researchExamplesDir = join(sharedDir, 'research', 'examples');

/** Fail loudly (never skip) when the shared schemas are missing. */
export function requireSharedDir(): void {
  if (!existsSync(schemasDir))
    throw new Error(`shared schemas not found at ${schemasDir}; set SLIPWAY_SHARED_DIR to the shared/ folder`);
}

/** Every example spec in examples/, by file name. */
export function exampleSpecs(): [string, ClusterSpec][] {
  const dir = join(repoRoot, 'examples');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file): [string, ClusterSpec] => [file, loadClusterSpec(readFileSync(join(dir, file), 'utf8'), file)]);
}

/** One example spec by file name. */
export function exampleSpec(file: string): ClusterSpec {
  return loadClusterSpec(readFileSync(join(repoRoot, 'examples', file), 'utf8'), file);
}

/** The documented site file with every section filled in. */
export function fullSite(): SiteInputs {
  const file = join(repoRoot, 'docs', 'export-site.yaml');
  return loadSiteInputs({ text: readFileSync(file, 'utf8'), sourceName: file });
}
