// The thin edges between the app's logic and Electron. Each port is implemented once with
// Electron (electron-*.ts) and once as a fake in tests, so everything that decides what the
// tray shows, when to notify or what a menu click does runs as plain Node.

/** One tray menu entry; a structural subset of Electron's MenuItemConstructorOptions. */
export interface TrayMenuItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  enabled?: boolean;
  checked?: boolean;
  toolTip?: string;
  submenu?: TrayMenuItem[];
  click?: () => void;
}

export interface TrayPort {
  setMenu(items: TrayMenuItem[]): void;
  /** Absolute path of the icon image (Electron picks the @2x file next to it). */
  setImage(path: string): void;
  setToolTip(text: string): void;
}

export interface Notification {
  title: string;
  body: string;
}

export interface NotifierPort {
  /** Whether this desktop shows notifications at all. */
  supported(): boolean;
  notify(notification: Notification): void;
}

export interface ClipboardPort {
  writeText(text: string): void;
}

export interface ShellPort {
  /** Opens a URL in the user's browser (http(s) on loopback only; see tray-actions). */
  openExternal(url: string): Promise<void>;
}

export interface WindowPort {
  /** Shows (creating if needed) and focuses the window, optionally at a route (#/create). */
  show(route?: string): void;
  isFocused(): boolean;
}

export interface IntervalTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
