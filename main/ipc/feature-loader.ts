// Builds the add-on and export services for an engine: the real modules over the real
// engine, and for the fake engine the same catalogue with in-memory state (clearly a fake:
// only the UI tests and the screenshot run use it).
import {
  dockerHostContainers,
  engineNodeAccess,
  listBundles,
  loadImageOverrides,
  overridesPathFromEnvironment,
} from '../addons/index.js';
import { FakeAddonsService } from '../dev/fake-engine/fake-addons.js';
import { FakeEngine } from '../dev/fake-engine/fake-engine.js';
import type { Engine } from '../engine/types.js';
import { catalogEntry, createAddonsService } from './adapters/addons-service.js';
import { createExportService } from './adapters/export-service.js';
import { withKubectlInsights } from './adapters/kubectl-insights.js';
import type { AddonsService, ExportService } from './feature-services.js';

export interface FeatureServices {
  addons?: AddonsService;
  exporter?: ExportService;
}

/** The engine as the desktop app uses it: the real one gains kubectl-based insights. */
export function desktopEngine(engine: Engine): Engine {
  return engine instanceof FakeEngine ? engine : withKubectlInsights(engine);
}

/** The feature services for an engine (the fake one gets fake add-on state). */
export async function loadFeatureServices(engine: Engine): Promise<FeatureServices> {
  const exporter = createExportService();
  if (engine instanceof FakeEngine) {
    const catalog = (await listBundles()).map(catalogEntry);
    return { exporter, addons: new FakeAddonsService(engine, catalog) };
  }
  const overrides = await loadImageOverrides(overridesPathFromEnvironment());
  const addons = createAddonsService({
    engine,
    host: { nodes: engineNodeAccess(engine), containers: dockerHostContainers() },
    overrides,
  });
  return { exporter, addons };
}
