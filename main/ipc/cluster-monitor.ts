// Keeps the app's view of the engine current: polls the cluster list, publishes it when it
// changes, and turns an unreachable engine into a status with the fix (the UI's banner and
// the tray's error icon) instead of a crash.
import type { ClusterSummary, Engine } from '../engine/types.js';
import type { EngineStatus } from './contract.js';
import type { EventHub } from './event-hub.js';
import { toIpcErrorValue } from './ipc-errors.js';

export const ENGINE_UNAVAILABLE_HINT =
  'Start Docker (for example `sudo systemctl start docker`, or open Docker Desktop); Slipway reconnects by itself.';

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface ClusterMonitorOptions {
  engine: Engine;
  hub: EventHub;
  intervalMs?: number;
  now?: () => number;
  timers?: Timers;
}

const realTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => {
    clearInterval(handle as ReturnType<typeof setInterval>);
  },
};

export class ClusterMonitor {
  private current: EngineStatus;
  private list: ClusterSummary[] = [];
  private listKey = '';
  private inFlight: Promise<EngineStatus> | undefined;
  private handle: unknown;
  private readonly now: () => number;
  private readonly timers: Timers;

  constructor(private readonly options: ClusterMonitorOptions) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.current = { state: 'connecting', checkedAt: this.now() };
  }

  get status(): EngineStatus {
    return this.current;
  }

  get clusters(): ClusterSummary[] {
    return this.list;
  }

  /** Polls now; concurrent callers share one engine call. */
  refresh(): Promise<EngineStatus> {
    this.inFlight ??= this.poll().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Starts polling on an interval. */
  start(): void {
    if (this.handle !== undefined) return;
    void this.refresh();
    this.handle = this.timers.setInterval(() => void this.refresh(), this.options.intervalMs ?? 3000);
  }

  stop(): void {
    if (this.handle === undefined) return;
    this.timers.clearInterval(this.handle);
    this.handle = undefined;
  }

  private async poll(): Promise<EngineStatus> {
    try {
      const clusters = await this.options.engine.listClusters();
      this.setClusters(clusters);
      this.setStatus({ state: 'ready', checkedAt: this.now() });
    } catch (thrown) {
      const error = toIpcErrorValue(thrown);
      if (error.code === 'ENGINE_UNAVAILABLE' && !error.hint) error.hint = ENGINE_UNAVAILABLE_HINT;
      this.setStatus({ state: 'unavailable', error, checkedAt: this.now() });
    }
    return this.current;
  }

  private setClusters(clusters: ClusterSummary[]): void {
    const sorted = [...clusters].sort((a, b) => a.name.localeCompare(b.name));
    const key = JSON.stringify(sorted);
    if (key === this.listKey) return;
    this.list = sorted;
    this.listKey = key;
    this.options.hub.emit('clusters:changed', sorted);
  }

  private setStatus(status: EngineStatus): void {
    const changed = status.state !== this.current.state || status.error?.message !== this.current.error?.message;
    this.current = status;
    if (changed) this.options.hub.emit('engine:status', status);
  }
}
