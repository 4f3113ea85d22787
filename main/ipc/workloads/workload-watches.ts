// The app's workload watches: each renderer request gets a watch id, the source's updates go
// out as workloads:items events, and errors as workloads:error. Watches are bounded (the
// oldest stops) so a renderer that forgets to unwatch cannot pile them up.
import type { WorkloadWatchPayload, WorkloadWatchRef } from '../contract.js';
import type { EventHub } from '../event-hub.js';
import { toIpcErrorValue } from '../ipc-errors.js';
import type { WorkloadSource } from './types.js';

export class WorkloadWatches {
  private readonly watches = new Map<string, { stop?: () => void; stopped: boolean }>();
  private nextId = 1;

  constructor(
    private readonly source: WorkloadSource,
    private readonly hub: EventHub,
    private readonly maxWatches = 8,
  ) {}

  /** Starts a watch; its first list follows as an event once the source has it. */
  watch({ cluster, kind, namespace }: WorkloadWatchPayload): WorkloadWatchRef {
    const watchId = `watch-${String(this.nextId++)}`;
    const entry: { stop?: () => void; stopped: boolean } = { stopped: false };
    this.watches.set(watchId, entry);
    for (const oldest of [...this.watches.keys()].slice(0, Math.max(0, this.watches.size - this.maxWatches)))
      this.unwatch(oldest);
    const report = (error: unknown) => {
      if (!entry.stopped) this.hub.emit('workloads:error', { watchId, error: toIpcErrorValue(error) });
    };
    this.source
      .watch(cluster, kind, namespace, {
        onItems: (items) => {
          if (!entry.stopped) this.hub.emit('workloads:items', { watchId, items });
        },
        onError: report,
      })
      .then((stop) => {
        if (entry.stopped) stop();
        else entry.stop = stop;
      }, report);
    return { watchId };
  }

  /** Stops a watch; unknown ids are ignored. */
  unwatch(watchId: string): void {
    const entry = this.watches.get(watchId);
    if (!entry) return;
    entry.stopped = true;
    entry.stop?.();
    this.watches.delete(watchId);
  }

  stopAll(): void {
    for (const id of [...this.watches.keys()]) this.unwatch(id);
    this.source.dispose?.();
  }

  get open(): number {
    return this.watches.size;
  }
}
