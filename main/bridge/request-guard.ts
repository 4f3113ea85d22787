// The bridge's checks, as pure functions over a request's headers: it must be addressed to
// the loopback host we listen on (defeats DNS rebinding), come from our own page when a
// browser says where it comes from, and carry the random token on every API call.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface GuardOptions {
  port: number;
  token: string;
  /** Extra page origins allowed to call the API (the Vite dev server in `npm run dev`). */
  allowedOrigins?: readonly string[];
}

/** Whether a Host header names this bridge on loopback. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${String(port)}` || host === `localhost:${String(port)}`;
}

/** The origins our own page can have. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${String(port)}`, `http://localhost:${String(port)}`];
}

/** Compares the bearer token in constant time. */
export function hasToken(headers: IncomingHttpHeaders, token: string): boolean {
  const header = headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Checks host and origin on every request, and the token on API requests. */
export function checkRequest(headers: IncomingHttpHeaders, needsToken: boolean, options: GuardOptions): GuardVerdict {
  if (!isLoopbackHost(headers.host, options.port)) return { ok: false, status: 403, reason: 'wrong Host header' };
  const origin = headers.origin;
  if (origin !== undefined && ![...ownOrigins(options.port), ...(options.allowedOrigins ?? [])].includes(origin)) {
    return { ok: false, status: 403, reason: 'cross-origin request' };
  }
  if (needsToken && !hasToken(headers, options.token))
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

/** The bridge exists for development and tests only. */
export function isBridgeAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.SLIPWAY_DEV_BRIDGE === '1' || env.VITEST === 'true' || env.NODE_ENV === 'test';
}
