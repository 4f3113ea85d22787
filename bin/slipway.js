#!/usr/bin/env node
// Entry point of the `slipway` command in a checkout (`npx slipway`): runs the TypeScript
// sources through tsx so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/run.ts');

// If the event loop drains while the command is still awaiting something (a promise that lost
// its handle), Node would exit 0 as if the command had succeeded. Say so and fail instead.
let finished = false;
process.once('beforeExit', () => {
  if (finished) return;
  process.stderr.write('error: internal: slipway stopped before the command finished (please report this)\n');
  process.exitCode = 1;
});
process.exitCode = await runCli(process.argv.slice(2));
finished = true;
