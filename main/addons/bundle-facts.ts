// Two facts of each shipped bundle (addons/<name>/addon.yaml), read once and synchronously so
// pure code such as the exporters can use them: what it `provides` — so exporters decide by
// capability ("an add-on brings CSI storage") rather than by bundle name — and its `exports:`
// hints, what it becomes on each target. The full bundle is validated where it is loaded
// (load-bundle.ts; the bundle tests load every shipped one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ExportTarget } from '../lib/export-targets.js';
import { defaultBundlesRoot } from './load-bundle.js';

/** Capabilities bundles declare that the exporters act on. */
export type Capability = 'storage.csi' | 'gateway.controller' | 'ingress.controller' | 'dashboard.ui';

/** What a bundle becomes on one target (`exports.<target>`). */
export interface ExportHint {
  action: 'keep' | 'replace' | 'omit' | 'builtin';
  with?: string;
  note: string;
}

interface BundleFacts {
  provides: readonly string[];
  exports: Partial<Record<ExportTarget, ExportHint>>;
}

const cache = new Map<string, BundleFacts>();

function factsOf(name: string): BundleFacts {
  const cached = cache.get(name);
  if (cached) return cached;
  let facts: BundleFacts = { provides: [], exports: {} };
  try {
    const file = join(defaultBundlesRoot(), name, 'addon.yaml');
    const document = parse(readFileSync(file, 'utf8')) as Partial<BundleFacts> | null;
    const provides = Array.isArray(document?.provides) ? document.provides : [];
    facts = {
      provides: provides.filter((entry): entry is string => typeof entry === 'string'),
      exports: document?.exports ?? {},
    };
  } catch {
    // No such shipped bundle (the spec's validation reports unknown add-ons), or no bundle
    // folder where this code runs (a browser-like test environment): no facts to act on.
  }
  cache.set(name, facts);
  return facts;
}

/** The capabilities bundle `name` provides; none for a bundle that is not there. */
export function bundleProvides(name: string): readonly string[] {
  return factsOf(name).provides;
}

/** What bundle `name` says it becomes on `target`, if it says. */
export function bundleExportHint(name: string, target: ExportTarget): ExportHint | undefined {
  return factsOf(name).exports[target];
}

/** Whether any of the named add-ons provides `capability`. */
export function anyProvides(addons: readonly { name: string }[], capability: Capability): boolean {
  return addons.some((addon) => bundleProvides(addon.name).includes(capability));
}
