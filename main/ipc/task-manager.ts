// Long work (create, start, stop, delete, add-ons) runs as a task: named steps with timings
// from the engine's progress events, a bounded log, and cancellation through an
// AbortSignal. Every change is published as a fresh TaskInfo snapshot; the UI mirrors them
// and the tray animates while any task runs.
import type { ProgressEvent, ProgressListener } from '../engine/types.js';
import { Conflict, NotFound } from '../errors.js';
import type { TaskInfo, TaskKind, TaskStep } from './contract.js';
import { toIpcErrorValue } from './ipc-errors.js';
import type { PlannedStep } from './task-plans.js';

export interface TaskRunContext {
  signal: AbortSignal;
  onProgress: ProgressListener;
}

export interface StartTaskOptions {
  kind: TaskKind;
  title: string;
  /** Only one task runs per cluster at a time. */
  cluster?: string;
  /** The steps expected, listed as pending before the work starts. */
  plan?: PlannedStep[];
  /** The create request, kept for Retry and Edit spec. */
  request?: TaskInfo['request'];
  run: (context: TaskRunContext) => Promise<void>;
}

export interface TaskManagerOptions {
  onUpdate: (task: TaskInfo) => void;
  onRemove?: (taskId: string) => void;
  now?: () => number;
  /** Log lines kept per task. */
  maxLogLines?: number;
  /** Finished tasks kept for the UI before the oldest is dropped. */
  maxFinished?: number;
}

interface TaskRecord {
  info: TaskInfo;
  controller: AbortController;
  done: Promise<TaskInfo>;
}

export class TaskManager {
  private readonly tasks = new Map<string, TaskRecord>();
  private nextId = 1;
  private readonly now: () => number;
  private readonly maxLogLines: number;
  private readonly maxFinished: number;
  /** Recent durations per kind and step (kind/step → ms), for the next run's estimates. */
  private readonly stepHistory = new Map<string, number[]>();

  constructor(private readonly options: TaskManagerOptions) {
    this.now = options.now ?? Date.now;
    this.maxLogLines = options.maxLogLines ?? 200;
    this.maxFinished = options.maxFinished ?? 20;
  }

  /** Starts a task and returns its first snapshot; the work runs in the background. */
  start({ kind, title, cluster, plan = [], request, run }: StartTaskOptions): TaskInfo {
    const busy = cluster === undefined ? undefined : this.running().find((task) => task.cluster === cluster);
    if (busy) {
      throw new Conflict(`cluster ${cluster ?? ''} is busy: ${busy.title} is still running`, {
        hint: 'wait for it to finish or cancel it',
      });
    }
    const info: TaskInfo = {
      id: `task-${String(this.nextId++)}`,
      kind,
      title,
      cluster,
      state: 'running',
      cancelRequested: false,
      steps: plan.map((step) => this.pendingStep(kind, step)),
      log: [],
      startedAt: this.now(),
      ...(request ? { request: { ...request } } : {}),
    };
    const controller = new AbortController();
    const onProgress = (event: ProgressEvent) => {
      this.applyProgress(info, event);
    };
    const record: TaskRecord = { info, controller, done: Promise.resolve(info) };
    this.tasks.set(info.id, record);
    this.publish(info);
    record.done = this.execute(record, run, onProgress);
    return snapshot(info);
  }

  /** Asks a running task to stop; the task ends as cancelled when its work gives up. */
  cancel(taskId: string): TaskInfo {
    const record = this.record(taskId);
    if (record.info.state === 'running' && !record.info.cancelRequested) {
      record.info.cancelRequested = true;
      this.publish(record.info);
      record.controller.abort(new Error('cancelled by the user'));
    }
    return snapshot(record.info);
  }

  /** Forgets a finished task. */
  dismiss(taskId: string): void {
    const record = this.record(taskId);
    if (record.info.state === 'running') throw new Conflict(`${record.info.title} is still running; cancel it first`);
    this.remove(taskId);
  }

  list(): TaskInfo[] {
    return [...this.tasks.values()].map((record) => snapshot(record.info));
  }

  running(): TaskInfo[] {
    return this.list().filter((task) => task.state === 'running');
  }

  /** Resolves with the final snapshot when the task ends (it never rejects). */
  whenDone(taskId: string): Promise<TaskInfo> {
    return this.record(taskId).done;
  }

  /** Cancels every running task and waits for them (app quit). */
  async cancelAll(): Promise<void> {
    const running = this.running();
    for (const task of running) this.cancel(task.id);
    await Promise.all(running.map((task) => this.whenDone(task.id)));
  }

  private async execute(
    record: TaskRecord,
    run: StartTaskOptions['run'],
    onProgress: ProgressListener,
  ): Promise<TaskInfo> {
    const { info, controller } = record;
    try {
      await run({ signal: controller.signal, onProgress });
      info.state = 'succeeded';
    } catch (error) {
      info.state = controller.signal.aborted ? 'cancelled' : 'failed';
      info.error = toIpcErrorValue(error);
      const reason = info.state === 'cancelled' ? 'cancelled' : info.error.message;
      for (const step of info.steps) if (step.state === 'running') this.endStep(step, false, reason);
    }
    info.endedAt = this.now();
    this.publish(info);
    this.dropOldFinished();
    return snapshot(info);
  }

  private applyProgress(info: TaskInfo, event: ProgressEvent): void {
    if (info.state !== 'running') return;
    if (event.kind === 'step-start') {
      const planned = info.steps.find((candidate) => candidate.id === event.step && candidate.state === 'pending');
      if (planned) Object.assign(planned, { title: event.title, state: 'running', startedAt: event.at });
      else info.steps.push({ id: event.step, title: event.title, state: 'running', startedAt: event.at });
    } else if (event.kind === 'step-end') {
      const step = info.steps.findLast((candidate) => candidate.id === event.step && candidate.state === 'running');
      if (step) {
        step.state = event.ok ? 'succeeded' : 'failed';
        step.durationMs = event.durationMs;
        if (event.error !== undefined) step.error = event.error;
        if (event.ok) this.remember(info.kind, step.id, event.durationMs);
      }
    } else {
      const prefix = event.step ? `[${event.step}] ` : '';
      info.log.push(`${prefix}${event.message}`);
      if (info.log.length > this.maxLogLines) info.log.splice(0, info.log.length - this.maxLogLines);
    }
    this.publish(info);
  }

  private endStep(step: TaskStep, ok: boolean, error: string): void {
    step.state = ok ? 'succeeded' : 'failed';
    step.durationMs = Math.max(0, this.now() - (step.startedAt ?? this.now()));
    step.error = error;
  }

  private pendingStep(kind: TaskKind, { id, title }: PlannedStep): TaskStep {
    const expectedMs = median(this.stepHistory.get(`${kind}/${id}`) ?? []);
    return { id, title, state: 'pending', ...(expectedMs === undefined ? {} : { expectedMs }) };
  }

  private remember(kind: TaskKind, step: string, durationMs: number): void {
    const key = `${kind}/${step}`;
    this.stepHistory.set(key, [...(this.stepHistory.get(key) ?? []), durationMs].slice(-HISTORY_RUNS));
  }

  private dropOldFinished(): void {
    const finished = [...this.tasks.values()].filter((record) => record.info.state !== 'running');
    for (const record of finished.slice(0, Math.max(0, finished.length - this.maxFinished)))
      this.remove(record.info.id);
  }

  private remove(taskId: string): void {
    if (this.tasks.delete(taskId)) this.options.onRemove?.(taskId);
  }

  private record(taskId: string): TaskRecord {
    const record = this.tasks.get(taskId);
    if (!record) throw new NotFound(`no task ${taskId}`);
    return record;
  }

  private publish(info: TaskInfo): void {
    this.options.onUpdate(snapshot(info));
  }
}

const HISTORY_RUNS = 5;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function snapshot(info: TaskInfo): TaskInfo {
  return {
    ...info,
    steps: info.steps.map((step) => ({ ...step })),
    log: [...info.log],
    ...(info.error ? { error: { ...info.error } } : {}),
  };
}
