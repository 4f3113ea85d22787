#!/usr/bin/env node
// Entry point of the `slipway` command: runs the compiled CLI in dist/cli/ (`npm run build`
// writes it; the packed package ships it), so no TypeScript is compiled at run time.
let runCli;
try {
  ({ runCli } = await import('../dist/cli/run.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/run.js')) throw error;
  process.stderr.write('error: the compiled CLI is missing (dist/cli/run.js); run `npm run build` in the checkout\n');
  process.exit(1);
}

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
