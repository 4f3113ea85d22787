// `npm run build:main`: bundles the main process (ESM) and the preload (CommonJS, as
// sandboxed preloads require) into dist/app/. Dependencies stay in node_modules. Each
// module keeps seeing its own source location as import.meta.url, so code that finds files
// relative to itself (package.json, addons/) works the same bundled, unbundled and in asar.
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Rewrites import.meta.url in every source file to that file's URL under the app root. */
export function sourceUrlPlugin(appRoot: string): Plugin {
  return {
    name: 'slipway-source-url',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const path = relative(appRoot, args.path).split('\\').join('/');
        return {
          contents: text.replaceAll('import.meta.url', `__slipwaySourceUrl(${JSON.stringify(path)})`),
          loader: 'ts',
        };
      });
    },
  };
}

/** Defines __slipwaySourceUrl in a bundle that sits two folders below the app root (or app.asar). */
export const sourceUrlBanner = [
  "const __slipwayAppRoot = new URL('../../', import.meta.url);",
  'const __slipwaySourceUrl = (path) => new URL(path, __slipwayAppRoot).href;',
].join('\n');

/** Builds dist/app/main.js and dist/app/preload.cjs. */
export async function bundleMain(appRoot: string = root): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: appRoot,
  } as const;
  await build({
    ...common,
    entryPoints: ['main/app/main.ts'],
    outfile: 'dist/app/main.js',
    format: 'esm',
    packages: 'external',
    banner: { js: sourceUrlBanner },
    plugins: [sourceUrlPlugin(appRoot)],
    // main/ipc/spec-validation.ts starts this worker, relative to its own source location.
    define: { SLIPWAY_SPEC_WORKER: JSON.stringify('../../dist/app/spec-worker.js') },
  });
  await build({
    ...common,
    entryPoints: ['main/ipc/spec-worker.ts'],
    outfile: 'dist/app/spec-worker.js',
    format: 'esm',
    packages: 'external',
    banner: { js: sourceUrlBanner },
    plugins: [sourceUrlPlugin(appRoot)],
  });
  await build({
    ...common,
    entryPoints: ['main/app/preload.ts'],
    outfile: 'dist/app/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await bundleMain();
  process.stdout.write('built dist/app/main.js, dist/app/spec-worker.js and dist/app/preload.cjs\n');
}
