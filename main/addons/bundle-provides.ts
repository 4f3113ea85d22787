// What each shipped bundle provides (`provides:` in addons/<name>/addon.yaml), read once and
// synchronously, so pure code such as the exporters can decide by capability — "an add-on
// brings CSI storage" — rather than by bundle name. The full bundle is validated where it is
// loaded (load-bundle.ts); this reads only the one list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultBundlesRoot } from './load-bundle.js';

/** Capabilities bundles declare that the exporters act on. */
export type Capability = 'storage.csi' | 'gateway.controller' | 'ingress.controller' | 'dashboard.ui';

const cache = new Map<string, readonly string[]>();

/** The capabilities bundle `name` provides; none for a bundle that is not there. */
export function bundleProvides(name: string): readonly string[] {
  const root = defaultBundlesRoot();
  const key = join(root, name);
  const cached = cache.get(key);
  if (cached) return cached;
  let provides: readonly string[] = [];
  try {
    const document = parse(readFileSync(join(key, 'addon.yaml'), 'utf8')) as { provides?: unknown } | null;
    const listed = document?.provides;
    if (Array.isArray(listed)) provides = listed.filter((entry): entry is string => typeof entry === 'string');
  } catch {
    provides = []; // not a shipped bundle: the spec's own validation reports unknown add-ons
  }
  cache.set(key, provides);
  return provides;
}

/** Whether any of the named add-ons provides `capability`. */
export function anyProvides(addons: readonly { name: string }[], capability: Capability): boolean {
  return addons.some((addon) => bundleProvides(addon.name).includes(capability));
}
