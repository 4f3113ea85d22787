// `slipway create` refuses what `slipway validate` refuses — engine limits and add-ons checked
// against their bundles included — before the engine is even contacted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/types.js';
import { runCliCaptured } from './run-cli.js';

async function createWith(spec: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-create-')), 'spec.yaml');
  writeFileSync(file, `apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo}\nspec:\n${spec}`);
  let engines = 0;
  const createEngine = (): Promise<Engine> => {
    engines++;
    return Promise.reject(new Error('the engine must not be needed'));
  };
  const result = await runCliCaptured(['create', '-f', file], { createEngine });
  return { ...result, file, engines };
}

describe('slipway create refuses specs before contacting the engine', () => {
  it('checks add-on parameters and requirements against the bundles, with positions', async () => {
    const { exitCode, stderr, file, engines } = await createWith(
      '  addons:\n    - {name: dashboard, params: {role: root}}\n    - {name: ingress}\n  portMappings: [{hostPort: 8443, containerPort: 443}]\n',
    );
    expect(exitCode).toBe(2);
    expect(engines).toBe(0);
    expect(stderr).toContain(`  ${file}:6:40: spec.addons[0].params.role: must be one of "view", "edit", "admin"`);
    expect(stderr).toMatch(/:7:14: spec\.addons\[1\]\.name: add-on "ingress" needs spec\.portMappings/);
  });

  it('checks the engine limits (reserved pool names)', async () => {
    const { exitCode, stderr, engines } = await createWith('  workers: [{name: control-plane}]\n');
    expect(exitCode).toBe(2);
    expect(engines).toBe(0);
    expect(stderr).toMatch(/spec\.workers\[0\]\.name: pool name "control-plane" is reserved/);
  });
});
