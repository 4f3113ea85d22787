// The one app window: created on demand, hidden (not destroyed) on close so the tray keeps
// running, and locked down by window-policy (sandbox, isolation, no navigation, no new
// windows, no webviews, no permission prompts).
import { BrowserWindow, session, shell } from 'electron';
import type { EventHub } from '../ipc/event-hub.js';
import { forwardEvents } from './electron-ipc.js';
import type { WindowPort } from './ports.js';
import { allowNavigation, appUrlFor, externalOpenFor, secureWebPreferences } from './window-policy.js';

export interface MainWindowOptions {
  preload: string;
  hub: EventHub;
  icon?: string;
  /** True while the app quits, so close really closes. */
  isQuitting: () => boolean;
}

/** Refuses every permission request except writing to the clipboard (copy buttons). */
export function lockDownSession(): void {
  const allowed = new Set(['clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(allowed.has(permission));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
}

export class MainWindow implements WindowPort {
  private window: BrowserWindow | undefined;

  constructor(private readonly options: MainWindowOptions) {}

  show(route?: string): void {
    const existing = this.window;
    if (existing && !existing.isDestroyed()) {
      if (route) this.options.hub.emit('app:navigate', { route });
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    this.window = this.create(route);
  }

  isFocused(): boolean {
    return this.window?.isFocused() ?? false;
  }

  private create(route?: string): BrowserWindow {
    const window = new BrowserWindow({
      width: 1200,
      height: 800,
      minWidth: 760,
      minHeight: 520,
      show: false,
      title: 'Slipway',
      icon: this.options.icon,
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(this.options.preload),
    });
    const contents = window.webContents;
    const stopForwarding = forwardEvents(this.options.hub, contents);
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (externalOpenFor(url) === 'browser') void shell.openExternal(url);
      return { action: 'deny' };
    });
    window.once('ready-to-show', () => {
      window.show();
    });
    window.on('close', (event) => {
      if (this.options.isQuitting()) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      stopForwarding();
      this.window = undefined;
    });
    void window.loadURL(appUrlFor(route));
    return window;
  }
}
