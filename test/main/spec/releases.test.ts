// The release catalog: what spec.kubernetesVersion can name and what it resolves to.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RELEASE,
  OLDEST_RELEASE,
  RELEASES,
  hasEnded,
  lookUpRelease,
  minorNumber,
  satisfies,
} from '../../../main/spec/releases.js';

describe('the release catalog', () => {
  it('lists supported minors newest first, each with a patch of its own minor and a pinned kind image', () => {
    const minors = RELEASES.map((r) => minorNumber(r.minor));
    expect(minors).toEqual([...minors].sort((a, b) => b - a));
    for (const release of RELEASES) {
      expect(release.patch.startsWith(`v${release.minor}.`)).toBe(true);
      expect(release.endOfLife).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(release.kindest?.image).toMatch(/^kindest\/node:v\d+\.\d+\.\d+@sha256:[0-9a-f]{64}$/);
    }
    expect(DEFAULT_RELEASE).toBe(RELEASES[0]);
    expect(OLDEST_RELEASE).toBe(RELEASES[RELEASES.length - 1]);
  });

  it('resolves nothing to the default, a minor to its release and a patch exactly', () => {
    expect(lookUpRelease(undefined)).toEqual({ ok: true, request: { release: DEFAULT_RELEASE } });
    expect(lookUpRelease(`v${OLDEST_RELEASE.minor}`)).toEqual({ ok: true, request: { release: OLDEST_RELEASE } });
    const patch = lookUpRelease(OLDEST_RELEASE.patch);
    expect(patch).toEqual({ ok: true, request: { release: OLDEST_RELEASE, patch: OLDEST_RELEASE.patch } });
  });

  it('refuses retired and unknown releases with the supported list', () => {
    for (const [version, why] of [
      ['v1.34.4', /1\.34 reached end of life on 2026-10-27/],
      ['v1.30', /1\.30 reached end of life/],
      ['v1.99.0', /1\.99 is not a release Slipway knows/],
    ] as const) {
      const found = lookUpRelease(version);
      expect(found.ok).toBe(false);
      if (!found.ok) {
        expect(found.message).toMatch(why);
        expect(found.message).toContain(`supported releases: v${DEFAULT_RELEASE.minor} (${DEFAULT_RELEASE.patch})`);
      }
    }
  });

  it('matches versions against a minor or a patch request', () => {
    const minor = { release: DEFAULT_RELEASE };
    expect(satisfies(minor, DEFAULT_RELEASE.patch)).toBe(true);
    expect(satisfies(minor, `v${DEFAULT_RELEASE.minor}.0`)).toBe(true);
    expect(satisfies(minor, OLDEST_RELEASE.patch)).toBe(false);
    expect(satisfies({ release: DEFAULT_RELEASE, patch: DEFAULT_RELEASE.patch }, `v${DEFAULT_RELEASE.minor}.0`)).toBe(
      false,
    );
  });

  it('knows when a release has ended', () => {
    expect(hasEnded(OLDEST_RELEASE, new Date(`${OLDEST_RELEASE.endOfLife}T23:59:59Z`))).toBe(false);
    const next = new Date(`${OLDEST_RELEASE.endOfLife}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(hasEnded(OLDEST_RELEASE, next)).toBe(true);
  });
});
