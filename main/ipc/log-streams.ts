// Live log tails across a cluster (the logs page, stern-like). Each stream runs the engine's
// followLogs until stopped and forwards batches of lines as events. Streams are bounded so a
// renderer that forgets to stop them cannot pile them up.
import type { LogsFollowPayload, LogStreamRef } from './contract.js';
import type { EngineWithExtras, LogLine } from './engine-extras.js';
import type { EventHub } from './event-hub.js';
import { FeatureUnavailable, toIpcErrorValue } from './ipc-errors.js';

export class LogStreams {
  private readonly streams = new Map<string, AbortController>();
  private nextId = 1;

  constructor(
    private readonly engine: EngineWithExtras,
    private readonly hub: EventHub,
    private readonly maxStreams = 4,
  ) {}

  /** Starts following logs; the oldest stream stops when too many are open. */
  follow({ cluster, namespace, podPattern, tailLines }: LogsFollowPayload): LogStreamRef {
    const engine = this.engine;
    if (!engine.followLogs) throw new FeatureUnavailable('this engine does not stream pod logs yet');
    const streamId = `logs-${String(this.nextId++)}`;
    const controller = new AbortController();
    this.streams.set(streamId, controller);
    for (const oldest of [...this.streams.keys()].slice(0, Math.max(0, this.streams.size - this.maxStreams)))
      this.stop(oldest);
    const onLines = (lines: LogLine[]) => {
      if (!controller.signal.aborted && lines.length > 0) this.hub.emit('logs:lines', { streamId, lines });
    };
    engine
      .followLogs(cluster, { namespace, podPattern, tailLines: tailLines ?? 50, signal: controller.signal, onLines })
      .then(
        () => {
          this.end(streamId);
        },
        (error: unknown) => {
          this.end(streamId, controller.signal.aborted ? undefined : error);
        },
      );
    return { streamId };
  }

  /** Starts any line source as a stream (a single pod's log); same bounds and events. */
  openStream(run: (signal: AbortSignal, onLines: (lines: LogLine[]) => void) => Promise<void>): LogStreamRef {
    const streamId = `logs-${String(this.nextId++)}`;
    const controller = new AbortController();
    this.streams.set(streamId, controller);
    for (const oldest of [...this.streams.keys()].slice(0, Math.max(0, this.streams.size - this.maxStreams)))
      this.stop(oldest);
    // Lines are sent on a later turn, after the caller has the stream id.
    void Promise.resolve()
      .then(() =>
        run(controller.signal, (lines) => {
          if (!controller.signal.aborted && lines.length > 0) this.hub.emit('logs:lines', { streamId, lines });
        }),
      )
      .then(
        () => {
          this.end(streamId);
        },
        (error: unknown) => {
          this.end(streamId, controller.signal.aborted ? undefined : error);
        },
      );
    return { streamId };
  }

  /** Stops a stream; unknown ids are ignored (it may have ended by itself). */
  stop(streamId: string): void {
    this.streams.get(streamId)?.abort();
  }

  stopAll(): void {
    for (const controller of this.streams.values()) controller.abort();
  }

  get open(): number {
    return this.streams.size;
  }

  private end(streamId: string, error?: unknown): void {
    this.streams.delete(streamId);
    this.hub.emit('logs:ended', error === undefined ? { streamId } : { streamId, error: toIpcErrorValue(error) });
  }
}
