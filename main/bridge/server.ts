// The loopback browser bridge: the same IPC contract over HTTP (invokes) and Server-Sent
// Events (events), so the real renderer can run in a plain browser against the real engine
// for development and e2e tests. Bound to 127.0.0.1 only, a random token on every API
// request, and it refuses to start outside development and tests.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors.js';
import type { Dispatch } from '../ipc/dispatcher.js';
import type { EventHub } from '../ipc/event-hub.js';
import { checkRequest, isBridgeAllowed } from './request-guard.js';
import { serveStatic } from './static-files.js';

const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** How long a refused body is drained before the connection is cut. */
const DRAIN_MS = 2000;
const HEARTBEAT_MS = 15_000;

export const BRIDGE_HOST = '127.0.0.1';

export interface BridgeOptions {
  dispatch: Dispatch;
  hub: EventHub;
  /** The built renderer to serve at /; omit to serve the API only (behind Vite in dev). */
  staticDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Only 127.0.0.1 is accepted; the option exists so a wrong value fails loudly. */
  host?: string;
  allowedOrigins?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Request log: method, path and status only (never headers, bodies or the token). */
  log?: (line: string) => void;
}

export interface RunningBridge {
  /** http://127.0.0.1:PORT/ */
  origin: string;
  port: number;
  token: string;
  /** The page URL with the token in its fragment, which browsers never send to servers. */
  pageUrl: string;
  close(): Promise<void>;
}

/** Starts the bridge, or throws UsageError when it is not allowed or not loopback. */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  if (!isBridgeAllowed(options.env ?? process.env)) {
    throw new UsageError('the loopback bridge is for development and tests only', {
      hint: 'set SLIPWAY_DEV_BRIDGE=1 to start it',
    });
  }
  if (options.host !== undefined && options.host !== BRIDGE_HOST) {
    throw new UsageError(`the bridge listens on ${BRIDGE_HOST} only, not ${options.host}`);
  }
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;
  const server = createServer((request, response) => {
    void route(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/');
    const verdict = checkRequest(request.headers, isApi, { port, token, allowedOrigins: options.allowedOrigins });
    options.log?.(`${request.method ?? '?'} ${path.slice(0, 80)} ${verdict.ok ? 'ok' : String(verdict.status)}`);
    if (!verdict.ok) {
      sendJson(response, verdict.status, { error: verdict.reason });
    } else if (path === '/api/invoke' && request.method === 'POST') {
      await invoke(request, response);
    } else if (path === '/api/events' && request.method === 'GET') {
      openEventStream(response);
    } else if (isApi) {
      sendJson(response, 404, { error: 'no such API route' });
    } else if (request.method !== 'GET' || options.staticDir === undefined) {
      sendJson(response, 405, { error: 'method not allowed' });
    } else {
      await serveStatic(options.staticDir, path, response, request.headers);
    }
  }

  async function invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, { error: 'JSON only' });
      return;
    }
    const body = await readBody(request);
    const message = body === undefined ? undefined : parseJson(body);
    if (body === undefined) refuseLargeBody(request, response);
    else if (message === undefined) sendJson(response, 400, { error: 'body is not JSON' });
    else sendJson(response, 200, await options.dispatch(message.channel, message.payload));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = options.hub.onAny((event, payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BRIDGE_HOST, () => {
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${BRIDGE_HOST}:${String(port)}/`;
  return {
    origin,
    port,
    token,
    pageUrl: `${origin}#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** The body as `{channel, payload}`, or undefined when it is not JSON. */
function parseJson(body: string): { channel?: unknown; payload?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' ? value : {};
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(value));
}

/** The body as text, or undefined as soon as it is known to pass MAX_BODY_BYTES. */
// A client still sending would see a reset instead of the answer if the socket were destroyed
// at once: answer 413, discard what keeps coming for a moment, then close the connection.
function refuseLargeBody(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  sendJson(response, 413, { error: `body larger than ${String(MAX_BODY_BYTES / 1024 / 1024)} MiB` });
  request.resume();
  const timer = setTimeout(() => request.destroy(), DRAIN_MS);
  timer.unref();
  request.once('end', () => {
    clearTimeout(timer);
  });
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.off('data', onData);
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
