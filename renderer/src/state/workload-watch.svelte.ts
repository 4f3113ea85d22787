// One live workload list in the renderer: starts a watch in main, keeps the latest list and
// error from its events, and stops the watch when closed. Lists arriving before the watch id
// is known are kept, as events and invoke answers travel separately.
import type { IpcErrorValue, SlipwayApi, WorkloadItem, WorkloadKind } from '../../../main/ipc/contract.js';

export class WorkloadWatch {
  items = $state<WorkloadItem[] | undefined>(undefined);
  error = $state<IpcErrorValue | undefined>(undefined);
  private watchId: string | undefined;
  private closed = false;
  private early: Record<string, WorkloadItem[]> = {};
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly api: SlipwayApi,
    readonly cluster: string,
    readonly kind: WorkloadKind,
    readonly namespace: string | undefined,
  ) {
    this.stops.push(
      api.on('workloads:items', ({ watchId, items }) => {
        if (watchId === this.watchId) {
          this.items = items;
          this.error = undefined;
        } else if (this.watchId === undefined) this.early[watchId] = items;
      }),
      api.on('workloads:error', ({ watchId, error }) => {
        if (watchId === this.watchId) this.error = error;
      }),
    );
    void this.start();
  }

  private async start(): Promise<void> {
    const response = await this.api.invoke('workloads:watch', {
      cluster: this.cluster,
      kind: this.kind,
      ...(this.namespace ? { namespace: this.namespace } : {}),
    });
    if ('error' in response) {
      this.error = response.error;
      return;
    }
    this.watchId = response.result.watchId;
    if (this.closed) {
      this.close();
      return;
    }
    const first = this.early[this.watchId];
    if (first) this.items = first;
    this.early = {};
  }

  close(): void {
    this.closed = true;
    for (const stop of this.stops.splice(0)) stop();
    if (this.watchId) void this.api.invoke('workloads:unwatch', { watchId: this.watchId });
    this.watchId = undefined;
  }
}
