// The Electron main process: one instance, the tray, the window, IPC, and the engine core.
// Everything with logic lives in plain-Node modules (desktop-shell, tray-*, ipc/); this file
// only composes them with Electron's pieces, and tears them down in reverse on quit.
import { app } from 'electron';
import { join } from 'node:path';
import { specAddonHooks } from '../addons/engine-hooks.js';
import { fakeFeatureServices } from '../dev/fake-engine/fake-features.js';
import { createDemoFakeEngine } from '../dev/fake-engine/seed.js';
import type { Engine } from '../engine/types.js';
import { createAppCore, type AppCore } from '../ipc/app-core.js';
import { desktopEngine, loadFeatureServices, type FeatureServices } from '../ipc/feature-loader.js';
import { createUnavailableEngine } from '../ipc/unavailable-engine.js';
import { startDesktopShell, type DesktopShell } from './desktop-shell.js';
import { registerIpc } from './electron-ipc.js';
import { createElectronTray, electronClipboard, electronNotifier, electronShell } from './electron-ports.js';
import { registerAppScheme, serveAppProtocol } from './electron-protocol.js';
import { lockDownSession, MainWindow } from './electron-window.js';
import { trayIconFile } from './tray-icon.js';

const timers = {
  setInterval: (callback: () => void, ms: number) => setInterval(callback, ms),
  clearInterval: (handle: unknown) => {
    clearInterval(handle as ReturnType<typeof setInterval>);
  },
};

/** The real engine, or one that explains why there is none (the window still opens). */
async function createEngine(): Promise<Engine> {
  try {
    const { createDefaultEngine } = await import('../engine/index.js');
    return await createDefaultEngine({ specAddons: specAddonHooks });
  } catch (error) {
    return createUnavailableEngine(error);
  }
}

/** The engine with its feature services: the real one, or in development the fake. */
async function createEngineWithFeatures(): Promise<{ engine: Engine; features: FeatureServices }> {
  // Development only: the fake engine, marked as such in the UI (like rancher-desktop's
  // RD_MOCK_BACKEND). Never used for e2e claims.
  if (process.env.SLIPWAY_FAKE_ENGINE === '1') {
    const fake = createDemoFakeEngine({ stepDelayMs: 600 });
    return { engine: fake, features: await fakeFeatureServices(fake) };
  }
  const engine = desktopEngine(await createEngine());
  return { engine, features: await loadFeatureServices(engine) };
}

async function start(): Promise<void> {
  await app.whenReady();
  const root = app.getAppPath();
  const iconDir = join(root, 'resources', 'tray');
  lockDownSession();
  serveAppProtocol(join(root, 'renderer', 'dist'));

  const { engine, features } = await createEngineWithFeatures();
  const core: AppCore = createAppCore({
    engine,
    transport: 'electron',
    version: app.getVersion(),
    fakeEngine: process.env.SLIPWAY_FAKE_ENGINE === '1',
    ...features,
  });
  let quitting = false;
  const window = new MainWindow({
    preload: join(root, 'dist', 'app', 'preload.cjs'),
    hub: core.hub,
    icon: join(root, 'resources', 'icon.png'),
    isQuitting: () => quitting,
  });
  const stopIpc = registerIpc(core.dispatch);
  const tray = createElectronTray(join(iconDir, trayIconFile('idle', process.platform)));
  const shell: DesktopShell = startDesktopShell({
    core,
    tray,
    window,
    notifier: electronNotifier,
    clipboard: electronClipboard,
    shell: electronShell,
    quit: () => {
      app.quit();
    },
    iconDir,
    platform: process.platform,
    timers,
  });
  core.start();

  app.on('second-instance', () => {
    window.show();
  });
  app.on('activate', () => {
    window.show();
  });
  // The tray keeps the app alive when the window is closed.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    shell.dispose();
    stopIpc();
    void core.dispose().finally(() => {
      tray.destroy();
      app.quit();
    });
  });
  if (!process.argv.includes('--hidden')) window.show();
}

registerAppScheme();
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    process.stderr.write(
      `Slipway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    app.exit(1);
  });
} else {
  // Another Slipway is running; it shows its window on 'second-instance'.
  app.quit();
}
