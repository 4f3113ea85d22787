// `npm start` after the builds: runs Electron on this checkout where its binary exists, and
// says clearly what to do where it does not (our machines install the package without it).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The Electron binary's path, or undefined when the package has no binary. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // Mirrors the electron package's own lookup (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH)
  // without requiring it: since Electron 45 requiring it downloads a missing binary, which
  // must not happen silently (and cannot, offline).
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : undefined;
  return binary !== undefined && existsSync(binary) ? binary : undefined;
}

export const NO_ELECTRON_MESSAGE = `Slipway's main process and renderer are built (dist/app/, renderer/dist/), but the Electron
binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the desktop app cannot open.
  - On a desktop machine: npx install-electron (downloads the binary), then npm start.
  - To use the same UI in a browser: SLIPWAY_DEV_BRIDGE=1 npm run dev  (add -- --fake for the fake engine).
`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const binary = findElectronBinary();
  if (binary === undefined) {
    process.stderr.write(NO_ELECTRON_MESSAGE);
    process.exitCode = 1;
  } else {
    const child = spawn(binary, [appRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
    child.on('exit', (code) => {
      process.exitCode = code ?? 1;
    });
  }
}
