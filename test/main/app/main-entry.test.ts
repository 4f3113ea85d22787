// Smoke test of the real main-process entry: bundles dist/app/main.js as `npm start` does
// and runs it under plain Node with `electron` resolved to a recording fake (no binary
// here). The fake drives IPC, the app protocol, navigation and the tray, then quits.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleMain } from '../../../main/app/bundle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const register = fileURLToPath(new URL('./fake-electron/register.js', import.meta.url));

interface SmokeReport {
  appEvents: string[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  permissions: Record<string, boolean>;
  windows: { url: string; webPreferences: Record<string, unknown> }[];
  ipc: { channel: string; info: unknown; invalid: { error: { code: string } }; foreign: { error: { code: string } } };
  protocol: { scheme: string; status: number; csp: string; escape: number };
  navigation: { external: string; internal: string };
  windowOpen: { action: string };
  tray: { menu: string[]; image: string; tooltip: string; destroyed: boolean };
  eventsSent: string[];
  quit: boolean;
}

let report: SmokeReport;

beforeAll(async () => {
  await bundleMain(root);
  const appPath = await mkdtemp(join(tmpdir(), 'slipway-app-'));
  await mkdir(join(appPath, 'renderer', 'dist'), { recursive: true });
  await writeFile(join(appPath, 'renderer', 'dist', 'index.html'), '<!doctype html><title>Slipway</title>');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', register, join(root, 'dist', 'app', 'main.js')],
    {
      env: {
        ...process.env,
        SLIPWAY_FAKE_ENGINE: '1',
        FAKE_ELECTRON_APP_PATH: appPath,
        KUBECONFIG: join(appPath, 'kubeconfig'),
      },
      timeout: 60_000,
    },
  );
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('SMOKE-REPORT '));
  if (!line) throw new Error(`no report from the main process:\n${stdout}`);
  report = JSON.parse(line.slice('SMOKE-REPORT '.length)) as SmokeReport;
}, 120_000);

describe('dist/app/main.js under a fake Electron', () => {
  it('opens one locked-down window on the app protocol with the bundled preload', () => {
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window?.url).toBe('slipway://app/index.html');
    expect(window?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(window?.webPreferences.preload)).toMatch(/dist\/app\/preload\.cjs$/);
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'slipway', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('answers IPC from the page through the validating dispatcher, and refuses other senders', () => {
    expect(report.ipc.channel).toBe('slipway:invoke');
    expect(report.ipc.info).toEqual({
      result: {
        version: '0.0.0-smoke',
        platform: process.platform,
        transport: 'electron',
        contextPrefix: 'slipway-',
        fakeEngine: true,
      },
    });
    expect(report.ipc.invalid.error.code).toBe('INVALID_PAYLOAD');
    expect(report.ipc.foreign.error.code).toBe('UNTRUSTED_SENDER');
  });

  it('serves the renderer with the CSP and blocks escapes, navigation, new windows and permissions', () => {
    expect(report.protocol).toMatchObject({ scheme: 'slipway', status: 200, escape: 404 });
    expect(report.protocol.csp).toContain("script-src 'self'");
    expect(report.navigation).toEqual({ external: 'blocked', internal: 'allowed' });
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.permissions).toEqual({ geolocation: false, clipboardWrite: true });
  });

  it('builds the tray from the engine state and forwards events to the window', () => {
    expect(report.tray.menu).toEqual([
      'demo — Running, 3 nodes',
      'edge — Stopped, 2 nodes',
      'ha-lab — Running, 6 nodes',
      '---',
      'Create cluster…',
      'Open Slipway',
      '---',
      'Quit Slipway',
    ]);
    expect(report.tray.image).toMatch(/resources\/tray\/tray-idle(Template)?\.png$/);
    expect(report.tray.tooltip).toBe('Slipway — 2 of 3 clusters running');
    expect(report.eventsSent).toContain('clusters:changed');
  });

  it('keeps running when windows close and tears down on quit', () => {
    expect(report.appEvents).toEqual(
      expect.arrayContaining(['second-instance', 'activate', 'window-all-closed', 'before-quit']),
    );
    expect(report.tray.destroyed).toBe(true);
    expect(report.quit).toBe(true);
  });
});
