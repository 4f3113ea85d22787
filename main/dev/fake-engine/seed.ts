// Ready-made fake engines: a few varied clusters for screenshots and UI development, or N
// identical ones for the UI benchmark.
import { defaultClusterSpec, type ClusterSpec } from '../../spec/index.js';
import { FakeEngine, type FakeEngineOptions } from './fake-engine.js';

/** A spec with the given shape, built from the embedded default. */
export function fakeSpec(
  name: string,
  controlPlanes: 1 | 3 | 5 = 1,
  workers = 2,
  addons: ClusterSpec['spec']['addons'] = [],
): ClusterSpec {
  // A deep copy: the spec schema's defaults share nested objects between parses.
  const spec = structuredClone(defaultClusterSpec(name));
  spec.spec.controlPlane.replicas = controlPlanes;
  const pool = spec.spec.workers[0];
  if (pool) pool.replicas = workers;
  spec.spec.addons = addons;
  return spec;
}

/** A fake engine showing a small lab: a default cluster, an HA one and a stopped one. */
export function createDemoFakeEngine(options: FakeEngineOptions = {}): FakeEngine {
  const engine = new FakeEngine(options);
  const created = (options.now ?? Date.now)() - 3 * 3_600_000;
  engine.seed(fakeSpec('demo', 1, 2, [{ name: 'registry', params: {} }]), 'running', new Date(created).toISOString());
  engine.seed(fakeSpec('ha-lab', 3, 3), 'running', new Date(created + 3_600_000).toISOString());
  engine.seed(fakeSpec('edge', 1, 1), 'stopped', new Date(created + 7_200_000).toISOString());
  return engine;
}

/** A fake engine with `count` running clusters of one control plane and two workers. */
export function createFleetFakeEngine(count: number, options: FakeEngineOptions = {}): FakeEngine {
  const engine = new FakeEngine(options);
  for (let index = 1; index <= count; index++)
    engine.seed(fakeSpec(`lab-${String(index).padStart(2, '0')}`), 'running');
  return engine;
}
