// Builds the add-on and export services over the real engine, and gives it kubectl-based
// insights. The development fake brings its own (main/dev/fake-engine/fake-features.ts); the
// edge that picks an engine picks the matching services, so nothing here tests for a fake.
import {
  dockerHostContainers,
  engineNodeAccess,
  loadImageOverrides,
  overridesPathFromEnvironment,
} from '../addons/index.js';
import type { Engine } from '../engine/types.js';
import { createAddonsService } from './adapters/addons-service.js';
import { createExportService } from './adapters/export-service.js';
import { withKubectlInsights } from './adapters/kubectl-insights.js';
import type { AddonsService, ExportService } from './feature-services.js';
import { createKubeWorkloads } from './workloads/kube-workloads.js';
import type { WorkloadSource } from './workloads/types.js';

export interface FeatureServices {
  addons?: AddonsService;
  exporter?: ExportService;
  workloads?: WorkloadSource;
}

/** The real engine as the desktop app uses it: with kubectl-based insights. */
export function desktopEngine(engine: Engine): Engine {
  return withKubectlInsights(engine);
}

/** The feature services over the real engine: add-ons on the Docker host, and export. */
export async function loadFeatureServices(engine: Engine): Promise<FeatureServices> {
  const exporter = createExportService();
  const overrides = await loadImageOverrides(overridesPathFromEnvironment());
  const addons = createAddonsService({
    engine,
    host: { nodes: engineNodeAccess(engine), containers: dockerHostContainers() },
    overrides,
  });
  return { exporter, addons, workloads: createKubeWorkloads(engine) };
}
