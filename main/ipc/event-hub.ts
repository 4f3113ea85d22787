// A typed in-process emitter for the events main pushes to renderers. Transports (Electron
// webContents, bridge SSE streams, in-process tests) subscribe with onAny and forward.
import type { IpcEventMap, IpcEventName } from './contract.js';

export type AnyEventListener = <E extends IpcEventName>(event: E, payload: IpcEventMap[E]) => void;

export class EventHub {
  private readonly listeners = new Set<AnyEventListener>();

  /** Sends an event to every subscriber; a failing subscriber does not stop the others. */
  emit<E extends IpcEventName>(event: E, payload: IpcEventMap[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A transport that went away (closed window, dropped stream) must not break the rest.
      }
    }
  }

  /** Subscribes to every event; returns the function that unsubscribes. */
  onAny(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to one event. */
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventMap[E]) => void): () => void {
    return this.onAny((name, payload) => {
      const received: IpcEventName = name;
      if (received === event) listener(payload as unknown as IpcEventMap[E]);
    });
  }

  get size(): number {
    return this.listeners.size;
  }
}
