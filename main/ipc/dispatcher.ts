// The single entry point for renderer requests, whatever the transport (Electron IPC, the
// loopback bridge, in-process tests): check the channel, validate the payload, run the
// handler and return {result} or {error}. It never throws.
import type { Problem } from '../errors.js';
import { formatPath } from '../spec/index.js';
import type { IpcHandlers, IpcResponse } from './contract.js';
import { InvalidPayload, UnknownChannel, toIpcErrorValue } from './ipc-errors.js';
import { isIpcChannel, payloadSchemas } from './payload-schemas.js';

/** One handled request, for a debug log: never the payload or the result (they may hold secrets). */
export interface DispatchLogEntry {
  channel: string;
  durationMs: number;
  errorCode?: string;
}

export type Dispatch = (channel: unknown, payload: unknown) => Promise<IpcResponse<unknown>>;

export interface DispatcherOptions {
  handlers: IpcHandlers;
  log?: (entry: DispatchLogEntry) => void;
  now?: () => number;
}

/** Builds the function every transport calls with an untrusted channel and payload. */
export function createDispatcher({ handlers, log, now = Date.now }: DispatcherOptions): Dispatch {
  return async (channel, payload) => {
    const started = now();
    const response = await handle(handlers, channel, payload);
    const entry: DispatchLogEntry = {
      channel: typeof channel === 'string' ? channel.slice(0, 64) : '?',
      durationMs: now() - started,
    };
    if ('error' in response) entry.errorCode = response.error.code;
    log?.(entry);
    return response;
  };
}

async function handle(handlers: IpcHandlers, channel: unknown, payload: unknown): Promise<IpcResponse<unknown>> {
  if (!isIpcChannel(channel)) {
    return { error: toIpcErrorValue(new UnknownChannel(`unknown channel ${describeChannel(channel)}`)) };
  }
  const parsed = payloadSchemas[channel].safeParse(payload);
  if (!parsed.success) {
    return { error: toIpcErrorValue(new InvalidPayload(channel, parsed.error.issues.map(issueToProblem))) };
  }
  try {
    // The schema table and the handler table share their keys; TypeScript cannot correlate
    // the two lookups, so the handler is called through a widened signature.
    const handler = handlers[channel] as (payload: unknown) => Promise<unknown>;
    return { result: await handler(parsed.data) };
  } catch (error) {
    return { error: toIpcErrorValue(error) };
  }
}

function issueToProblem(issue: { path: PropertyKey[]; message: string }): Problem {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  return { path: formatPath(path), message: issue.message };
}

function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? JSON.stringify(channel.slice(0, 64)) : `of type ${typeof channel}`;
}
