// `npm start` after the builds: runs Electron on this checkout where its binary exists, and
// says clearly what to do where it does not (our machines install the package without it).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const appRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The Electron binary's path, or undefined when the package has no binary. */
export function findElectronBinary(): string | undefined {
  try {
    // The electron package's main export is the path of its downloaded binary; it throws
    // when the download was skipped.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export const NO_ELECTRON_MESSAGE = `Slipway's main process and renderer are built (dist/app/, renderer/dist/), but the Electron
binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the desktop app cannot open.
  - On a desktop machine: npm install electron (without ELECTRON_SKIP_BINARY_DOWNLOAD), then npm start.
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
