import { describe, expect, it } from 'vitest';
import { buildSteps } from '../../../main/engine/create/create-cluster.js';
import { preflight } from '../../../main/engine/create/preflight.js';
import { createStepsFor } from '../../../main/engine/create/steps.js';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { planCluster } from '../../../main/engine/plan/plan-cluster.js';
import type { ProgressEvent } from '../../../main/engine/types.js';
import { specOf } from './spec-fixtures.js';

describe('the create steps', () => {
  it.each([1, 3] as const)('are what the real pipeline runs with %i control planes', (replicas) => {
    const spec = specOf('steps', { controlPlane: { replicas } });
    const plan = planCluster(spec, { subnet: '172.18.0.0/24', apiServerPort: 6443 });
    const real = [preflight, ...buildSteps(plan)].map((step) => ({ id: step.id, title: step.title }));
    expect(createStepsFor({ controlPlanes: replicas })).toEqual(real);
  });

  it('are what the fake engine walks, so the UI sees the same steps from both', async () => {
    const engine = new FakeEngine();
    const started: string[] = [];
    const onProgress = (event: ProgressEvent) => {
      if (event.kind === 'step-start') started.push(event.step);
    };
    await engine.createCluster(specOf('ha', { controlPlane: { replicas: 3 } }), { onProgress });
    expect(started).toEqual(createStepsFor({ controlPlanes: 3 }).map((step) => step.id));
  });
});
