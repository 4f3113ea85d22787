// The window's security policy as plain data and predicates: isolated, sandboxed renderer
// with no Node; content only from the app's own protocol; navigation, new windows,
// webviews and permission prompts refused. main.ts applies it; tests check it.

/** The privileged scheme the renderer is served from (slipway://app/index.html). */
export const APP_SCHEME = 'slipway';
export const APP_HOST = 'app';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: false;
}

/** webPreferences for every window. */
export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Whether a URL is the app's own content. */
export function isAppUrl(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const url = new URL(text);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The URL that shows a route (#/create) in the window. */
export function appUrlFor(route?: string): string {
  return route ? `${APP_ENTRY}#${route.startsWith('/') ? route : `/${route}`}` : APP_ENTRY;
}

/** Navigation inside the window is allowed only within the app. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Hosts the browser may be sent to over https from the app (documentation links). Everything
 * else is refused: a link in the renderer, which is untrusted, must not open arbitrary sites.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['kubernetes.io', 'headlamp.dev'];

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** Where a link leaving the window goes: the browser for loopback and allow-listed https, else nowhere. */
export function externalOpenFor(url: string): 'browser' | 'refuse' {
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') return 'refuse';
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    // Add-on outputs: services on this machine, also through the ingress (headlamp.localhost).
    const loopback = LOOPBACK_HOSTS.includes(parsed.hostname) || parsed.hostname.endsWith('.localhost');
    if (web && loopback) return 'browser';
    const allowed = EXTERNAL_HOSTS.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`));
    return parsed.protocol === 'https:' && allowed ? 'browser' : 'refuse';
  } catch {
    return 'refuse';
  }
}

/** The file a slipway://app/... request names inside the renderer folder, or undefined. */
export function appAssetPath(rendererDir: string, requestUrl: string): string | undefined {
  if (!isAppUrl(requestUrl)) return undefined;
  const url = new URL(requestUrl);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  if (
    segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\\') || segment.includes('\0'))
  )
    return undefined;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  return `${rendererDir.replace(/[/\\]+$/, '')}/${relative}`;
}
