// Loads and validates add-on bundles (addons/<name>/): addon.yaml strictly, then every
// manifest it names, then the cross-checks between them. Every problem is reported at once
// with its path; nothing here touches a cluster.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFound, SpecInvalid, type Problem } from '../errors.js';
import { parseYamlDocument } from '../spec/yaml-document.js';
import { checkBundle } from './bundle-checks.js';
import { zodIssuesToProblems } from './bundle-problems.js';
import { addonBundleSchema, type AddonBundleDocument } from './bundle-schema.js';
import { loadPhaseManifests, type ManifestDocument } from './manifest-files.js';

/** A validated bundle: its document and the parsed manifests of each phase. */
export interface AddonBundle {
  name: string;
  dir: string;
  document: AddonBundleDocument;
  /** Phase name → documents in apply order. */
  manifests: Record<string, ManifestDocument[]>;
}

export type BundleValidation = { ok: true; bundle: AddonBundle } | { ok: false; problems: Problem[] };

export interface BundleSource {
  /** Folder holding one folder per bundle; default: the repository's addons/. */
  root?: string;
}

/** The addons/ folder shipped with Slipway (overridable with SLIPWAY_ADDONS_DIR). */
export function defaultBundlesRoot(): string {
  return process.env.SLIPWAY_ADDONS_DIR ?? fileURLToPath(new URL('../../addons/', import.meta.url));
}

/** Names of the bundle folders under the root, sorted. */
export async function listBundleNames(source: BundleSource = {}): Promise<string[]> {
  const root = source.root ?? defaultBundlesRoot();
  const entries = await readdir(root, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const hasManifest = await readFile(join(root, entry.name, 'addon.yaml')).then(
      () => true,
      () => false,
    );
    if (hasManifest) names.push(entry.name);
  }
  return names.sort();
}

/** Every bundle, loaded and validated (throws on the first invalid one). */
export async function listBundles(source: BundleSource = {}): Promise<AddonBundle[]> {
  const names = await listBundleNames(source);
  return Promise.all(names.map((name) => loadBundle(name, source)));
}

/** Load one bundle by name or throw NotFound / SpecInvalid listing every problem. */
export async function loadBundle(name: string, source: BundleSource = {}): Promise<AddonBundle> {
  const result = await validateBundle(name, source);
  if (!result.ok) throw new SpecInvalid(result.problems, { source: `addons/${name}/addon.yaml` });
  return result.bundle;
}

/** Validate one bundle folder; never throws for bad content. */
export async function validateBundle(name: string, source: BundleSource = {}): Promise<BundleValidation> {
  const root = source.root ?? defaultBundlesRoot();
  const dir = join(root, name);
  const text = await readFile(join(dir, 'addon.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) {
    const known = await listBundleNames(source).catch(() => []);
    throw new NotFound(`no add-on bundle named "${name}"`, { hint: `known add-ons: ${known.join(', ') || '(none)'}` });
  }
  const parsed = parseYamlDocument(text);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const result = addonBundleSchema.safeParse(parsed.value);
  if (!result.success) return { ok: false, problems: zodIssuesToProblems(result.error.issues, parsed) };
  const document = result.data;
  const problems: Problem[] = [];
  if (document.metadata.name !== name) {
    problems.push({
      path: 'metadata.name',
      message: `is "${document.metadata.name}" but the folder is "${name}"; they must match`,
    });
  }
  const manifests: Record<string, ManifestDocument[]> = {};
  for (const [index, phase] of document.phases.entries()) {
    const loaded = await loadPhaseManifests(dir, phase.manifests, `phases[${String(index)}].manifests`);
    manifests[phase.name] = loaded.documents;
    problems.push(...loaded.problems);
  }
  const bundle: AddonBundle = { name, dir, document, manifests };
  problems.push(...checkBundle(bundle));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundle };
}
