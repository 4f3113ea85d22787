// The argument handling of images/addons/build.sh, through --dry-run: nothing is built.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADDONS } from '../../main/spec/known-addons.js';

const script = fileURLToPath(new URL('../../images/addons/build.sh', import.meta.url));
const cacheDir = mkdtempSync(join(tmpdir(), 'slipway-addon-images-'));

function build(...args: string[]) {
  const result = spawnSync('bash', [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SLIPWAY_CACHE_DIR: cacheDir },
  });
  return { status: result.status, lines: result.stdout.trim().split('\n').filter(Boolean), stderr: result.stderr };
}

describe('images/addons/build.sh', () => {
  it('builds the images of the add-ons it is given, and only those', () => {
    expect(build('--dry-run', 'registry', 'metrics-server')).toMatchObject({
      status: 0,
      lines: [
        'localhost/slipway/addons/registry:2.8.2 (registry)',
        'localhost/slipway/addons/metrics-server:v0.8.0 (metrics-server)',
      ],
    });
  });

  it('expands an add-on to every image it uses, and accepts single images too', () => {
    const csi = build('--dry-run', 'csi-hostpath');
    expect(csi.status).toBe(0);
    expect(csi.lines.length).toBeGreaterThan(3);
    expect(csi.lines.every((line) => line.endsWith('(csi-hostpath)'))).toBe(true);
    expect(build('--dry-run', 'traefik').lines).toEqual(['localhost/slipway/addons/traefik:v3.6.13 (ingress)']);
  });

  it('knows every add-on of the default cluster, so the quickstart can build just those', () => {
    for (const addon of DEFAULT_ADDONS) expect(build('--dry-run', addon).lines.length).toBeGreaterThan(0);
  });

  it('builds every image without names', () => {
    const all = build('--dry-run');
    expect(all.lines).toEqual(expect.arrayContaining(build('--dry-run', 'ingress', 'registry').lines));
  });

  it('refuses an unknown name or option with exit status 2, naming the known ones', () => {
    const unknown = build('--dry-run', 'dashboard');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('dashboard is neither an add-on with hermetic images nor an image');
    expect(unknown.stderr).toMatch(/an add-on \(registry, metrics-server, ingress, csi-hostpath\)/);
    expect(build('--bogus').status).toBe(2);
  });
});
