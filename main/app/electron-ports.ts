// Electron implementations of the small ports (tray, notifications, clipboard, shell). Each
// is a few lines over one Electron API; everything that decides what to show lives elsewhere.
import { clipboard, Menu, nativeImage, Notification, shell, Tray, type MenuItemConstructorOptions } from 'electron';
import type { ClipboardPort, NotifierPort, ShellPort, TrayMenuItem, TrayPort } from './ports.js';
import { externalOpenFor } from './window-policy.js';

/** Our menu items are a structural subset of Electron's: this checks it at compile time. */
function toElectronTemplate(items: TrayMenuItem[]): MenuItemConstructorOptions[] {
  return items.map((item) => ({ ...item, submenu: item.submenu ? toElectronTemplate(item.submenu) : undefined }));
}

/** The system tray icon and its menu. */
export function createElectronTray(initialIcon: string): TrayPort & { destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(initialIcon));
  return {
    setMenu: (items) => {
      tray.setContextMenu(Menu.buildFromTemplate(toElectronTemplate(items)));
    },
    setImage: (path) => {
      // A missing asset gives an empty image rather than a crash; the menu still works.
      tray.setImage(nativeImage.createFromPath(path));
    },
    setToolTip: (text) => {
      tray.setToolTip(text);
    },
    destroy: () => {
      tray.destroy();
    },
  };
}

export const electronNotifier: NotifierPort = {
  supported: () => Notification.isSupported(),
  notify: ({ title, body }) => {
    new Notification({ title, body, silent: false }).show();
  },
};

export const electronClipboard: ClipboardPort = {
  writeText: (text) => {
    // Electron's typings resolve this to the DOM Clipboard (a promise); in main it is sync.
    void clipboard.writeText(text);
  },
};

export const electronShell: ShellPort = {
  openExternal: async (url) => {
    // Defence in depth: callers already check; only loopback and allow-listed hosts leave the app.
    if (externalOpenFor(url) === 'browser') await shell.openExternal(url);
  },
};
