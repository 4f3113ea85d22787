// Turns the spec's add-on list into ADDON_MAPPING and RETIRED_ADDON issues for one target.
import type { ClusterSpec } from '../../spec/index.js';
import { issue } from '../issues.js';
import type { ExportIssue, ExportTarget } from '../types.js';
import { addonMapping, type AddonMappingContext } from './mapping.js';

/** One issue per add-on, plus retirements the user should know about. */
export function addonIssues(spec: ClusterSpec, target: ExportTarget, context: AddonMappingContext = {}): ExportIssue[] {
  return spec.spec.addons.flatMap((addon, index) => {
    const path = ['spec', 'addons', index];
    const mapping = addonMapping(addon.name, target, context);
    const found = [issue('ADDON_MAPPING', mapping.severity, path, `${addon.name}: ${mapping.message}`)];
    if (addon.name === 'ingress' && reliesOnIngressNginx(addon.params)) {
      found.push(
        issue(
          'RETIRED_ADDON',
          'warning',
          [...path, 'params'],
          'ingress: Ingress objects written for ingress-nginx (class nginx, nginx annotations) rely on a project retired in March 2026; move them to Gateway API HTTPRoutes',
        ),
      );
    }
    if (addon.name === 'dashboard' && target === 'gke') {
      found.push(
        issue(
          'RETIRED_ADDON',
          'info',
          path,
          "dashboard: GKE's kubernetesDashboard add-on is deprecated and Kubernetes Dashboard was archived in January 2026; it is not enabled",
        ),
      );
    }
    return found;
  });
}

function reliesOnIngressNginx(params: Record<string, unknown>): boolean {
  return params.nginxCompat === true || params.ingressClass === 'nginx' || params.controller === 'ingress-nginx';
}
