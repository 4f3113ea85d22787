// Serves the renderer from slipway://app/ instead of file://, so the app has a real origin,
// every response carries the strict CSP, and nothing outside renderer/dist can be read.
import { net, protocol } from 'electron';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_SECURITY_HEADERS } from '../ipc/renderer-policy.js';
import { APP_SCHEME, appAssetPath } from './window-policy.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Must run before the app is ready: makes slipway:// a standard, secure scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers slipway://app/... requests from the built renderer folder. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = appAssetPath(rendererDir, request.url);
    if (path === undefined)
      return new Response('not found', { status: 404, headers: { ...RENDERER_SECURITY_HEADERS } });
    const file = await net.fetch(pathToFileURL(path).href).catch(() => undefined);
    if (!file?.ok) return new Response('not found', { status: 404, headers: { ...RENDERER_SECURITY_HEADERS } });
    return new Response(file.body, {
      status: 200,
      headers: {
        'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
        ...RENDERER_SECURITY_HEADERS,
      },
    });
  });
}
