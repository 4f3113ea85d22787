// Vitest global setup: compile the CLI once per run, so the tests that spawn bin/slipway.js
// run the same JavaScript users get from `npm run build` (and the packed package), never a
// stale dist/ left by an earlier checkout.
import { bundleCli } from '../scripts/build.js';

export default async function setup(): Promise<void> {
  await bundleCli();
}
