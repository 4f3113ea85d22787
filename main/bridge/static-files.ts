// Serves the built renderer (renderer/dist) from the bridge: resolves URL paths inside the
// directory only, with the renderer's security headers on every file. Text is sent
// compressed (brotli, else gzip, as the browser accepts) and every file has an ETag; Vite's
// content-hashed assets are cacheable for a year, index.html is revalidated on every load.
// Compressed bodies are made once per file version, off the event loop (node:zlib's async
// API), and kept in memory: the renderer is a handful of files.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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

/** Types worth compressing (images and fonts are compressed already). */
const compressible = new Set(['.html', '.js', '.css', '.svg', '.json']);

/** Vite names built assets name-HASH.ext (assets/index-CSp1HfS9.js): their content never changes. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type ContentEncoding = 'br' | 'gzip' | 'identity';

interface PreparedFile {
  key: string;
  etag: string;
  bodies: Partial<Record<ContentEncoding, Buffer>>;
}

const prepared = new Map<string, Promise<PreparedFile>>();

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

/** The best encoding the request accepts: br, then gzip, else none (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    if (name !== '') accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** Cache-Control for a URL path: immutable for hashed assets, revalidate for the rest. */
export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Whether an If-None-Match header matches our ETag (a list, or *). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

async function prepare(path: string): Promise<PreparedFile | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  // A rebuilt file (same path, new size or time) gets a fresh entry.
  const key = `${String(info.size)}-${String(info.mtimeMs)}`;
  const cached = await prepared.get(path);
  if (cached?.key === key) return cached;
  const work = (async (): Promise<PreparedFile> => {
    const raw = await readFile(path);
    const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`;
    const bodies: PreparedFile['bodies'] = { identity: raw };
    if (compressible.has(extname(path)) && raw.length > 256) {
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
        gzipAsync(raw, { level: 9 }),
      ]);
      bodies.br = br;
      bodies.gzip = gz;
    }
    return { key, etag, bodies };
  })();
  prepared.set(path, work);
  return work.catch((error: unknown) => {
    prepared.delete(path);
    throw error;
  });
}

/** Writes the file for a URL path (compressed, with ETag and caching headers), 304 or 404. */
export async function serveStatic(
  root: string,
  urlPath: string,
  response: ServerResponse,
  requestHeaders: IncomingHttpHeaders = {},
): Promise<void> {
  const path = resolveStaticPath(root, urlPath);
  const file = path === undefined ? undefined : await prepare(path).catch(() => undefined);
  if (path === undefined || file === undefined) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...RENDERER_SECURITY_HEADERS });
    response.end('not found');
    return;
  }
  const common = {
    ETag: file.etag,
    'Cache-Control': cacheControlFor(urlPath),
    Vary: 'Accept-Encoding',
    ...RENDERER_SECURITY_HEADERS,
  };
  if (matchesEtag(requestHeaders['if-none-match'], file.etag)) {
    response.writeHead(304, common);
    response.end();
    return;
  }
  const wanted = chooseEncoding(requestHeaders['accept-encoding']);
  const encoding = file.bodies[wanted] ? wanted : 'identity';
  const body = file.bodies[encoding] ?? Buffer.alloc(0);
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
    'Content-Length': String(body.length),
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    ...common,
  });
  response.end(body);
}
