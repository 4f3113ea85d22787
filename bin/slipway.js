#!/usr/bin/env node
// Entry point of the `slipway` command in a checkout (`npx slipway`): runs the TypeScript
// sources through tsx so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/run.ts');
process.exitCode = await runCli(process.argv.slice(2));
