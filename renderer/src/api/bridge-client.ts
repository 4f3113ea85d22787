// window.slipway over the loopback bridge: invokes are POSTs, events arrive as Server-Sent
// Events read from a fetch stream (EventSource cannot send the token header). Used when the
// renderer runs in a plain browser for development and e2e tests.
import type {
  ConnectionState,
  IpcEventMap,
  IpcEventName,
  IpcResponse,
  SlipwayApi,
} from '../../../main/ipc/contract.js';

export interface BridgeClientOptions {
  /** Origin of the bridge (or of the dev server proxying it); '' for the page's own. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Delay before reconnecting a dropped event stream. */
  reconnectMs?: number;
}

type Listener = (payload: unknown) => void;

/** Builds a SlipwayApi that talks to the bridge. */
export function createBridgeClient({
  baseUrl,
  token,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  reconnectMs = 1000,
}: BridgeClientOptions): SlipwayApi & { close(): void; onConnection: NonNullable<SlipwayApi['onConnection']> } {
  const listeners = new Map<string, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = 'connected';
  const setConnection = (state: ConnectionState) => {
    if (state === connection) return;
    connection = state;
    for (const listener of [...connectionListeners]) listener(state);
  };
  const headers = { Authorization: `Bearer ${token}` };
  let stream: AbortController | undefined;

  const transportError = (message: string): IpcResponse<never> => ({
    error: {
      code: 'ENGINE_UNAVAILABLE',
      name: 'BridgeUnreachable',
      message,
      hint: 'Is the dev bridge still running? Restart it and reload the page.',
    },
  });

  async function readEvents(signal: AbortSignal): Promise<void> {
    // A function, so the check is not narrowed away across the awaits.
    const closed = () => signal.aborted;
    while (!closed()) {
      try {
        const response = await fetchImpl(`${baseUrl}/api/events`, { headers, signal });
        if (!response.ok || !response.body) throw new Error(`event stream answered ${String(response.status)}`);
        setConnection('connected');
        await parseEventStream(response.body, (event, data) => {
          for (const listener of listeners.get(event) ?? []) listener(data);
        });
      } catch {
        // Dropped or refused: wait and reconnect, unless we were closed.
      }
      // However the stream ended, events may have been missed: the page says so until it is back.
      if (!closed()) setConnection('reconnecting');
      if (!closed()) await new Promise((resolve) => setTimeout(resolve, reconnectMs));
    }
  }

  function ensureStream(): void {
    if (stream) return;
    stream = new AbortController();
    void readEvents(stream.signal);
  }

  return {
    transport: 'bridge',
    async invoke(channel, ...args) {
      try {
        const response = await fetchImpl(`${baseUrl}/api/invoke`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ channel, payload: args[0] }),
        });
        if (!response.ok) return transportError(`the bridge answered HTTP ${String(response.status)}`);
        return (await response.json()) as never;
      } catch (error) {
        setConnection('reconnecting');
        return transportError(`cannot reach the bridge: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    on<E extends IpcEventName>(event: E, listener: (payload: IpcEventMap[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped: Listener = (payload) => {
        listener(payload as IpcEventMap[E]);
      };
      set.add(wrapped);
      ensureStream();
      return () => set.delete(wrapped);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      ensureStream();
      return () => connectionListeners.delete(listener);
    },
    close() {
      stream?.abort();
      stream = undefined;
    },
  };
}

/** Reads an SSE body and calls back with each event's name and parsed data. */
export async function parseEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: string, data: unknown) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      dispatchBlock(buffer.slice(0, boundary), onEvent);
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf('\n\n');
    }
  }
}

function dispatchBlock(block: string, onEvent: (event: string, data: unknown) => void): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length === 0) return;
  try {
    onEvent(event, JSON.parse(data.join('\n')));
  } catch {
    // A malformed block is dropped; the next one still arrives.
  }
}
