// Preflight asks the same questions as `slipway validate`: engine limits through the spec's own
// rules, and spec.addons against their bundles.
import { describe, expect, it } from 'vitest';
import { specAddonHooks } from '../../../../main/addons/engine-hooks.js';
import { assertAddonsInstallable, assertPlannable } from '../../../../main/engine/create/preflight-checks.js';
import { planProblems } from '../../../../main/engine/plan/problems.js';
import { SpecInvalid } from '../../../../main/errors.js';
import { validateClusterSpecValue } from '../../../../main/spec/index.js';
import { specOf } from '../spec-fixtures.js';

describe('planProblems', () => {
  it('reports exactly what spec validation reports for the engine limits', () => {
    const spec = specOf('a'.repeat(32), {
      workers: [
        { name: 'control-plane', replicas: 1 },
        { name: 'b'.repeat(32), replicas: 20 },
      ],
    });
    const validation = validateClusterSpecValue(spec);
    expect(validation.ok).toBe(false);
    const validated = validation.ok ? [] : validation.problems;
    expect(planProblems(spec)).toEqual(validated.map(({ path, message }) => ({ path, message })));
    expect(() => {
      assertPlannable(spec);
    }).toThrow(SpecInvalid);
  });
});

describe('assertAddonsInstallable', () => {
  it('refuses add-ons whose bundles refuse the spec, naming the cluster', async () => {
    const spec = specOf('demo', { addons: [{ name: 'registry', params: { hostPort: 'x' } }] });
    const error = await assertAddonsInstallable(spec, specAddonHooks).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SpecInvalid);
    expect((error as SpecInvalid).message).toBe('cluster "demo": invalid (1 problem)');
    expect((error as SpecInvalid).problems).toEqual([
      { path: 'spec.addons[0].params.hostPort', message: 'must be integer' },
    ]);
  });

  it('accepts add-ons whose requirements the spec meets', async () => {
    const spec = specOf('demo', {
      portMappings: [
        { hostPort: 8080, containerPort: 80 },
        { hostPort: 8443, containerPort: 443 },
      ],
      addons: [{ name: 'ingress' }, { name: 'registry' }],
    });
    await expect(assertAddonsInstallable(spec, specAddonHooks)).resolves.toBeUndefined();
  });
});
