// `npm start` finds Electron's binary the way the electron package does, without triggering
// its download, and reports clearly when there is none.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from '../../../main/app/launch.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

describe('findElectronBinary', () => {
  it('returns an existing binary or nothing (our machines skip the download), never downloading', () => {
    const binary = findElectronBinary({});
    if (binary !== undefined) expect(existsSync(binary)).toBe(true);
    else expect(NO_ELECTRON_MESSAGE).toContain('SLIPWAY_DEV_BRIDGE=1 npm run dev');
    expect(existsSync(join(REPO, 'node_modules', 'electron', 'dist', 'electron'))).toBe(binary !== undefined);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'electron-dist-'));
    await mkdir(dist, { recursive: true });
    await writeFile(join(dist, 'electron'), '#!/bin/sh\n');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(join(dist, 'electron'));
  });
});
