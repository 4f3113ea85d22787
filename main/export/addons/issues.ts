// Turns the spec's add-on list into ADDON_MAPPING and RETIRED_ADDON issues for one target.
// Slipway's own add-ons run maintained projects (Traefik, Headlamp), so RETIRED_ADDON fires
// only where the target's built-in counterpart is retired: GKE's kubernetesDashboard add-on,
// deprecated, on top of Kubernetes Dashboard archived upstream in January 2026.
import type { ClusterSpec } from '../../spec/index.js';
import { issue } from '../issues.js';
import type { ExportIssue, ExportTarget } from '../types.js';
import { addonMapping, type AddonMappingContext } from './mapping.js';
import { bundleProvides } from '../../addons/bundle-facts.js';

/** One issue per add-on, plus the retirement of a target's own counterpart. */
export function addonIssues(spec: ClusterSpec, target: ExportTarget, context: AddonMappingContext = {}): ExportIssue[] {
  return spec.spec.addons.flatMap((addon, index) => {
    const path = ['spec', 'addons', index];
    const mapping = addonMapping(addon.name, target, context);
    const found = [issue('ADDON_MAPPING', mapping.severity, path, `${addon.name}: ${mapping.message}`)];
    if (target === 'gke' && bundleProvides(addon.name).includes('dashboard.ui')) {
      found.push(
        issue(
          'RETIRED_ADDON',
          'info',
          path,
          "dashboard: GKE's kubernetesDashboard add-on is deprecated and Kubernetes Dashboard was archived in January 2026, so it is not enabled; its successor is Headlamp, the dashboard the local add-on runs",
        ),
      );
    }
    return found;
  });
}
