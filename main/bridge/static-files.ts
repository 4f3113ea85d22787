// Serves the built renderer (renderer/dist) from the bridge: resolves URL paths inside the
// directory only, with the renderer's security headers on every file.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_SECURITY_HEADERS } from '../ipc/renderer-policy.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The file a URL path names inside `root`, or undefined when it would escape it. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return candidate.startsWith(base) ? candidate : undefined;
}

/** Writes the file for a URL path, or 404. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const path = resolveStaticPath(root, urlPath);
  const body = path === undefined ? undefined : await readFile(path).catch(() => undefined);
  if (path === undefined || body === undefined) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...RENDERER_SECURITY_HEADERS });
    response.end('not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    ...RENDERER_SECURITY_HEADERS,
  });
  response.end(body);
}
