// A recording stand-in for the parts of Electron that main.ts uses. Once the window loads,
// it drives the app like a user would (IPC from the page and from a foreign frame, a request
// on the app protocol, the tray menu), prints one JSON report line and quits the app.
import { readFile } from 'node:fs/promises';

const report = {
  appEvents: [],
  privilegedSchemes: [],
  permissions: {},
  windows: [],
  ipc: {},
  protocol: {},
  tray: {},
  quit: false,
};
const appHandlers = new Map();
let ipcHandler;
let protocolHandler;
let trayMenu = [];
let trayImage = '';

export const app = {
  whenReady: () => Promise.resolve(),
  getAppPath: () => process.env.FAKE_ELECTRON_APP_PATH,
  getVersion: () => '0.0.0-smoke',
  requestSingleInstanceLock: () => true,
  on: (event, handler) => {
    report.appEvents.push(event);
    appHandlers.set(event, handler);
  },
  quit: () => {
    const beforeQuit = appHandlers.get('before-quit');
    let prevented = false;
    if (beforeQuit && !report.quit) beforeQuit({ preventDefault: () => (prevented = true) });
    if (!prevented) finish();
  },
  exit: (code) => process.exit(code),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.privilegedSchemes.push(...schemes),
  handle: (scheme, handler) => {
    report.protocol.scheme = scheme;
    protocolHandler = handler;
  },
};

export const net = {
  fetch: async (url) => new Response(await readFile(new URL(url))),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => {
      handler(null, 'geolocation', (granted) => (report.permissions.geolocation = granted), {});
      handler(null, 'clipboard-sanitized-write', (granted) => (report.permissions.clipboardWrite = granted), {});
    },
    setPermissionCheckHandler: () => undefined,
  },
};

export const ipcMain = {
  handle: (channel, handler) => {
    report.ipc.channel = channel;
    ipcHandler = handler;
  },
  removeHandler: () => undefined,
};

class FakeWebContents {
  handlers = new Map();
  sent = [];
  on(event, handler) {
    this.handlers.set(event, handler);
  }
  setWindowOpenHandler(handler) {
    this.windowOpen = handler;
  }
  send(channel, message) {
    this.sent.push({ channel, event: message.event });
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = new FakeWebContents();
    this.handlers = new Map();
    report.windows.push({ webPreferences: options.webPreferences });
  }
  once(event, handler) {
    this.handlers.set(event, handler);
  }
  on(event, handler) {
    this.handlers.set(event, handler);
  }
  loadURL(url) {
    report.windows.at(-1).url = url;
    setTimeout(() => void drive(this), 400);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isFocused() {
    return true;
  }
  isMinimized() {
    return false;
  }
  show() {}
  hide() {}
  focus() {}
  restore() {}
}

export class Tray {
  constructor(image) {
    trayImage = image.path;
  }
  setContextMenu(menu) {
    trayMenu = menu.template;
  }
  setImage(image) {
    trayImage = image.path;
  }
  setToolTip(text) {
    report.tray.tooltip = text;
  }
  destroy() {
    report.tray.destroyed = true;
  }
}

export const Menu = { buildFromTemplate: (template) => ({ template }) };
export const nativeImage = { createFromPath: (path) => ({ path }) };
export class Notification {
  static isSupported() {
    return true;
  }
  show() {}
}
export const clipboard = { writeText: () => undefined };
export const shell = { openExternal: () => Promise.resolve() };
export const contextBridge = { exposeInMainWorld: () => undefined };
export const ipcRenderer = {};

async function drive(window) {
  const fromApp = { senderFrame: { url: 'slipway://app/index.html' } };
  const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };
  report.ipc.info = await ipcHandler(fromApp, { channel: 'app:info' });
  report.ipc.invalid = await ipcHandler(fromApp, { channel: 'clusters:stop', payload: { name: 'NOT VALID' } });
  report.ipc.foreign = await ipcHandler(fromElsewhere, { channel: 'clusters:list' });
  const page = await protocolHandler(new Request('slipway://app/index.html'));
  report.protocol.status = page.status;
  report.protocol.csp = page.headers.get('content-security-policy');
  report.protocol.escape = (await protocolHandler(new Request('slipway://app/..%2f..%2fpackage.json'))).status;
  report.navigation = {
    external: willNavigate(window, 'https://example.com/'),
    internal: willNavigate(window, 'slipway://app/index.html#/create'),
  };
  report.windowOpen = window.webContents.windowOpen({ url: 'https://example.com/' });
  report.tray.menu = trayMenu.map((item) => item.label ?? '---');
  report.tray.image = trayImage;
  report.eventsSent = [...new Set(window.webContents.sent.map((message) => message.event))];
  app.quit();
}

function willNavigate(window, url) {
  let prevented = false;
  window.webContents.handlers.get('will-navigate')({ preventDefault: () => (prevented = true) }, url);
  return prevented ? 'blocked' : 'allowed';
}

function finish() {
  report.quit = true;
  process.stdout.write(`SMOKE-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}
