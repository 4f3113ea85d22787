import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { overridesPathFromEnvironment } from '../../../main/addons/image-overrides.js';

describe('overridesPathFromEnvironment', () => {
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'slipway-cache-'));
    vi.stubEnv('SLIPWAY_CACHE_DIR', cache);
    vi.stubEnv('SLIPWAY_IMAGE_OVERRIDES', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is undefined when nothing is set and nothing was built', () => {
    expect(overridesPathFromEnvironment()).toBeUndefined();
  });

  it('uses the map the hermetic build wrote', () => {
    const built = join(cache, 'images', 'addons', 'overrides.yaml');
    mkdirSync(join(cache, 'images', 'addons'), { recursive: true });
    writeFileSync(built, 'images: {}\n');
    expect(overridesPathFromEnvironment()).toBe(built);
  });

  it('prefers SLIPWAY_IMAGE_OVERRIDES', () => {
    vi.stubEnv('SLIPWAY_IMAGE_OVERRIDES', '/elsewhere/map.yaml');
    expect(overridesPathFromEnvironment()).toBe('/elsewhere/map.yaml');
  });
});
