// `slipway releases` over the fake provider: every catalog release, its end of life, whether
// it is the default, and the node image present here or the command that builds it.
import { describe, expect, it } from 'vitest';
import { ClusterEngine } from '../../../main/engine/cluster-engine.js';
import { DEFAULT_RELEASE, RELEASES, hermeticImageOf } from '../../../main/spec/releases.js';
import { FakeProvider } from '../engine/fake-provider.js';
import { runCliCaptured } from './run-cli.js';

interface ReleaseRow {
  release: string;
  patch: string;
  endOfLife: string;
  default: boolean;
  images: { ref: string; source: string; present: boolean }[];
  nodeImage?: { ref: string };
  howToGet?: string;
}

function run(...argv: string[]) {
  // The fake provider holds the default release's hermetic image only.
  const engine = new ClusterEngine({ provider: new FakeProvider(), endpoint: 'fake' });
  return runCliCaptured(argv, { createEngine: () => Promise.resolve(engine) });
}

describe('slipway releases', () => {
  it('lists every supported release with its end of life and node image, as JSON', async () => {
    const result = await run('releases', '--output', 'json');
    expect(result.exitCode).toBe(0);
    const rows = JSON.parse(result.stdout) as ReleaseRow[];
    expect(rows.map((r) => r.release)).toEqual(RELEASES.map((r) => `v${r.minor}`));
    expect(rows.filter((r) => r.default).map((r) => r.patch)).toEqual([DEFAULT_RELEASE.patch]);
    const newest = rows[0];
    expect(newest?.nodeImage?.ref).toBe(hermeticImageOf(DEFAULT_RELEASE));
    expect(newest?.images.map((i) => i.source)).toEqual(['kindest', 'hermetic']);
    const oldest = rows[rows.length - 1];
    expect(oldest?.nodeImage).toBeUndefined();
    expect(oldest?.howToGet).toContain(`KUBERNETES_VERSION=${oldest?.release ?? ''} npm run images:node`);
  });

  it('prints a table with the default marked and missing images explained', async () => {
    const result = await run('releases');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^RELEASE\s+PATCH\s+END OF LIFE\s+DEFAULT\s+NODE IMAGE$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^v${DEFAULT_RELEASE.minor}\\s+${DEFAULT_RELEASE.patch}\\s+${DEFAULT_RELEASE.endOfLife}\\s+yes\\s+hermetic `,
      ),
    );
    expect(lines.slice(2).every((line) => line.includes('missing: `KUBERNETES_VERSION='))).toBe(true);
  });
});
