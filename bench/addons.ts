// `npm run bench:addons`: enable-to-usable time of each add-on on a real multi-node cluster
// with the hermetic images, recorded in BENCHMARKS.md under "Add-ons" (only that section is
// rewritten). Needs Docker, the node image, the add-on images and the engine. Where upstream
// images cannot be built offline and Slipway has a stand-in (csi-hostpath), the row is
// measured with the stand-in and says so.
import { writeSection } from './benchmarks-file.js';
import { enableAddon } from '../main/addons/index.js';
import { existsSync } from 'node:fs';
import {
  createAddonCluster,
  missingPrerequisite,
  OVERRIDES,
  unbuildableImages,
  WITH_STANDINS,
} from '../test/e2e/addons/fixture.js';

const TARGETS: Record<string, number> = {
  registry: 5,
  ingress: 20,
  'csi-hostpath': 30,
  dashboard: 20,
  'metrics-server': 30,
};

async function main(): Promise<void> {
  const missing = await missingPrerequisite();
  if (missing) {
    console.error(`bench:addons cannot run: ${missing}`);
    process.exitCode = 1;
    return;
  }
  const standins = existsSync(WITH_STANDINS);
  const cluster = await createAddonCluster('bench-addons', standins ? WITH_STANDINS : OVERRIDES);
  const rows: string[] = [];
  try {
    for (const addon of Object.keys(TARGETS)) {
      const unavailable = (await unbuildableImages(addon)).missing.map((ref) => ref.split('/').pop() ?? ref);
      const standIn = unavailable.length > 0 && standins && covered(cluster.context.overrides ?? {}, unavailable);
      if (unavailable.length > 0 && !standIn) {
        rows.push(
          `| ${addon} | — | ≤ ${String(TARGETS[addon])} | not measurable offline: ${unavailable.join(', ')} cannot be built here |`,
        );
        console.log(rows[rows.length - 1]);
        continue;
      }
      const started = performance.now();
      const result = await enableAddon(cluster.context, cluster.name, { name: addon }).catch(
        (error: unknown) => error as Error,
      );
      const seconds = (performance.now() - started) / 1000;
      const outcome =
        result instanceof Error
          ? `failed: ${result.message.split('\n')[0] ?? ''}`
          : seconds <= (TARGETS[addon] ?? 0)
            ? 'within target'
            : 'over target';
      const label = standIn ? `${addon} (${unavailable.join(', ')}: Slipway's stand-in)` : addon;
      rows.push(`| ${label} | ${seconds.toFixed(1)} | ≤ ${String(TARGETS[addon])} | ${outcome} |`);
      console.log(rows[rows.length - 1]);
    }
  } finally {
    await cluster.delete();
  }
  await writeRows(rows);
}

/** Whether the image map points every missing upstream image of the add-on at a local one. */
function covered(overrides: Record<string, string>, missing: string[]): boolean {
  const repositories = Object.keys(overrides).map((key) => key.split('/').pop() ?? key);
  return missing.every((name) => repositories.includes(name.split(':')[0] ?? name));
}

async function writeRows(rows: string[]): Promise<void> {
  await writeSection('Add-ons', [
    `Enable-to-usable time per add-on (\`npm run bench:addons\`, ${new Date().toISOString().slice(0, 10)}, 2 cores, hermetic images, 1 control plane + 2 workers). Usable means the bundle's readiness checks pass.`,
    '',
    '| add-on | seconds | target | result |',
    '|---|---|---|---|',
    ...rows,
  ]);
}

await main();
