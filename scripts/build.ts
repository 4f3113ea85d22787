// `npm run build`: compiles the `slipway` command and the Electron main process to
// JavaScript in dist/, so neither runs TypeScript at run time. The CLI is split at its
// dynamic imports: a verb loads only the chunks it reaches, so `slipway --version` never
// parses dockerode or the Kubernetes client. Dependencies stay in node_modules.
import { build, type BuildOptions } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleMain, sourceUrlBanner, sourceUrlPlugin } from '../main/app/bundle.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** esbuild's options for dist/cli/run.js (the CLI's entry, imported by bin/slipway.js) and its chunks. */
export function cliBuildOptions(appRoot: string = root): BuildOptions {
  return {
    absWorkingDir: appRoot,
    entryPoints: { run: 'main/cli/run.ts' },
    outdir: 'dist/cli',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    // dist/cli/*.js sit two folders below the package root, like dist/app/main.js.
    banner: { js: sourceUrlBanner },
    plugins: [sourceUrlPlugin(appRoot)],
  };
}

/** Builds the CLI into dist/cli/, replacing what an earlier build left there. */
export async function bundleCli(appRoot: string = root): Promise<void> {
  await rm(`${appRoot}dist/cli`, { recursive: true, force: true });
  await build(cliBuildOptions(appRoot));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await Promise.all([bundleCli(), bundleMain()]);
  process.stdout.write('built dist/cli/run.js, dist/app/main.js, dist/app/spec-worker.js and dist/app/preload.cjs\n');
}
