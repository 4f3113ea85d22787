// Dependency and conflict resolution over bundles: which add-ons (by name or capability) each
// one needs, which capabilities may have only one provider, and the order to install in.
// Problems are reported before anything is applied.
import { Conflict } from '../errors.js';
import type { AddonBundle } from './load-bundle.js';

/** What resolution needs to know about a bundle. */
export type BundleFacts = Pick<AddonBundle, 'name'> & {
  document: Pick<AddonBundle['document'], 'provides' | 'requires' | 'conflicts'>;
};

export interface ResolveInput {
  /** Bundles to enable now, in the order the user gave them. */
  requested: readonly BundleFacts[];
  /** Bundles already enabled on the cluster. */
  installed: readonly BundleFacts[];
}

/** The requested bundles in dependency order; throws Conflict naming the missing or clashing piece. */
export function resolveInstallOrder(input: ResolveInput): BundleFacts[] {
  const requestedNames = new Set(input.requested.map((b) => b.name));
  const all = [...input.installed.filter((b) => !requestedNames.has(b.name)), ...input.requested];
  for (const bundle of input.requested) {
    checkRequirements(bundle, all);
    checkConflicts(bundle, all);
  }
  return topologicalOrder(input.requested);
}

function providers(capability: string, bundles: readonly BundleFacts[]): BundleFacts[] {
  return bundles.filter((b) => b.document.provides.includes(capability));
}

function checkRequirements(bundle: BundleFacts, all: readonly BundleFacts[]): void {
  for (const requirement of bundle.document.requires) {
    if (requirement.optional) continue;
    const satisfied =
      requirement.addon !== undefined
        ? all.some((b) => b.name === requirement.addon)
        : providers(requirement.capability ?? '', all).length > 0;
    if (satisfied) continue;
    const what =
      requirement.addon !== undefined
        ? `add-on "${requirement.addon}"`
        : `an add-on providing "${requirement.capability ?? ''}"`;
    const fix =
      requirement.addon !== undefined
        ? `enable ${requirement.addon} first (slipway addons enable CLUSTER ${requirement.addon}) or list it before ${bundle.name} in spec.addons`
        : `enable an add-on that provides ${requirement.capability ?? ''} first`;
    throw new Conflict(
      `add-on "${bundle.name}" requires ${what}${requirement.reason ? ` (${requirement.reason})` : ''}, which is not enabled`,
      { hint: fix },
    );
  }
}

function checkConflicts(bundle: BundleFacts, all: readonly BundleFacts[]): void {
  for (const capability of bundle.document.conflicts) {
    const clash = providers(capability, all).find((other) => other.name !== bundle.name);
    if (clash) {
      throw new Conflict(
        `add-on "${bundle.name}" conflicts with "${clash.name}": both provide ${capability}, which only one add-on may provide`,
        {
          hint: `disable ${clash.name} first (slipway addons disable CLUSTER ${clash.name}), or enable only one of them`,
        },
      );
    }
  }
  for (const other of all) {
    if (other.name === bundle.name) continue;
    const clash = other.document.conflicts.find((capability) => bundle.document.provides.includes(capability));
    if (clash) {
      throw new Conflict(
        `add-on "${bundle.name}" conflicts with "${other.name}": both provide ${clash}, which only one add-on may provide`,
        {
          hint: `disable ${other.name} first, or enable only one of them`,
        },
      );
    }
  }
}

/** Requested bundles ordered so that each comes after the requested bundles it needs. */
function topologicalOrder(requested: readonly BundleFacts[]): BundleFacts[] {
  const ordered: BundleFacts[] = [];
  const visiting = new Set<string>();
  const visit = (bundle: BundleFacts) => {
    if (ordered.includes(bundle)) return;
    if (visiting.has(bundle.name)) throw new Conflict(`add-ons form a dependency cycle through "${bundle.name}"`);
    visiting.add(bundle.name);
    for (const dependency of requested.filter((other) => other !== bundle && needs(bundle, other))) visit(dependency);
    visiting.delete(bundle.name);
    ordered.push(bundle);
  };
  requested.forEach(visit);
  return ordered;
}

function needs(bundle: BundleFacts, other: BundleFacts): boolean {
  return bundle.document.requires.some(
    (r) => r.addon === other.name || (r.capability !== undefined && other.document.provides.includes(r.capability)),
  );
}
