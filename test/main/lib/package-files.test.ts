import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addonImagesCommand, packagePath } from '../../../main/lib/package-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('package files', () => {
  it('names a shipped script relative to the package root when run from there', () => {
    expect(packagePath('images/addons/build.sh', root)).toBe(join('images', 'addons', 'build.sh'));
    expect(addonImagesCommand(['ingress'], root)).toBe('bash images/addons/build.sh ingress');
  });

  it('names it by its absolute path from anywhere else, and the path exists', () => {
    const path = packagePath('images/addons/build.sh', tmpdir());
    expect(isAbsolute(path)).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(addonImagesCommand([], tmpdir())).toBe(`bash ${path}`);
  });
});
