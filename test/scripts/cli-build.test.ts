import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cliBuildOptions } from '../../scripts/build.js';

/** The packages the CLI's entry chunk loads before any verb runs (static imports only). */
function startPackages(metafile: Metafile): string[] {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((key) => outputs[key]?.entryPoint === 'main/cli/run.ts');
  const seen = new Set<string>();
  const packages = new Set<string>();
  const pending = entry ? [entry] : [];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    for (const imported of outputs[key]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path);
      else pending.push(imported.path);
    }
  }
  return [...packages].filter((name) => !name.startsWith('node:')).sort();
}

describe('the compiled CLI', () => {
  it('starts with commander alone; every verb loads what it needs when it runs', async () => {
    const result = await build({ ...cliBuildOptions(), write: false, metafile: true, sourcemap: false });
    expect(startPackages(result.metafile)).toEqual(['commander']);
  });
});
