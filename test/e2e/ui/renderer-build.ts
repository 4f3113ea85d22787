// Builds the renderer once for UI tests and benchmarks (the same production build the app
// ships), unless renderer/dist is newer than every source file.
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIST = join(REPO_ROOT, 'renderer', 'dist');

async function newestSource(directory: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestSource(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds renderer/dist when it is missing or older than renderer/src, main/ipc or main/spec. */
export async function ensureRendererBuilt(): Promise<string> {
  const index = join(RENDERER_DIST, 'index.html');
  const sources = await Promise.all(
    ['renderer/src', 'main/ipc', 'main/spec'].map((dir) => newestSource(join(REPO_ROOT, dir))),
  );
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(...sources)) return RENDERER_DIST;
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  return RENDERER_DIST;
}
