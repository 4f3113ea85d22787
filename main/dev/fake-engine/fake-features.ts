// The fake engine's side of the desktop app: its own insights (it implements the optional
// insight methods itself) and an in-memory add-on service over the real catalogue. The edge
// that chose the fake engine asks for these explicitly; nothing below sniffs for a fake.
import { listBundles } from '../../addons/index.js';
import { catalogEntry } from '../../ipc/adapters/addons-service.js';
import { createExportService } from '../../ipc/adapters/export-service.js';
import type { FeatureServices } from '../../ipc/feature-loader.js';
import { FakeAddonsService } from './fake-addons.js';
import type { FakeEngine } from './fake-engine.js';
import { FakeWorkloads } from './fake-workloads.js';

/** The add-on, export and workload services for the fake engine (their state lives in memory). */
export async function fakeFeatureServices(engine: FakeEngine): Promise<FeatureServices> {
  const catalog = (await listBundles()).map(catalogEntry);
  return {
    exporter: createExportService(),
    addons: new FakeAddonsService(engine, catalog),
    workloads: new FakeWorkloads(engine, { replaceDelayMs: 600, logIntervalMs: 800 }),
  };
}
