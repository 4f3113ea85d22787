// The task manager turns engine progress into named steps with timings, publishes every
// change, and cancels through the AbortSignal it hands to the work.
import { describe, expect, it } from 'vitest';
import { Cancelled, StepFailed } from '../../../main/errors.js';
import type { TaskInfo } from '../../../main/ipc/contract.js';
import { TaskManager, type TaskRunContext } from '../../../main/ipc/task-manager.js';

function manager(clock = { now: 1000 }) {
  const updates: TaskInfo[] = [];
  const removed: string[] = [];
  const tasks = new TaskManager({
    onUpdate: (task) => updates.push(task),
    onRemove: (id) => removed.push(id),
    now: () => clock.now,
    maxFinished: 2,
    maxLogLines: 3,
  });
  return { tasks, updates, removed, clock };
}

/** Work that waits until the test releases it, or rejects with Cancelled on abort. */
function controllable() {
  let release: () => void = () => undefined;
  let context: TaskRunContext | undefined;
  const run = (ctx: TaskRunContext) =>
    new Promise<void>((resolve, reject) => {
      context = ctx;
      release = resolve;
      ctx.signal.addEventListener('abort', () => {
        reject(new Cancelled('stopped'));
      });
    });
  return {
    run,
    release: () => {
      release();
    },
    context: () => context as TaskRunContext,
  };
}

describe('TaskManager', () => {
  it('records steps with their timings and ends succeeded', async () => {
    const { tasks, updates, clock } = manager();
    const work = controllable();
    const task = tasks.start({ kind: 'create', title: 'Create demo', cluster: 'demo', run: work.run });
    expect(task).toMatchObject({ id: 'task-1', state: 'running', steps: [], startedAt: 1000 });

    work.context().onProgress({ kind: 'step-start', step: 'network', title: 'Creating the network', at: 1000 });
    work.context().onProgress({ kind: 'step-end', step: 'network', ok: true, durationMs: 250 });
    work.context().onProgress({ kind: 'step-start', step: 'provision', title: 'Starting nodes', at: 1250 });
    work.context().onProgress({ kind: 'log', step: 'provision', message: 'demo-control-plane up' });
    clock.now = 4000;
    work.context().onProgress({ kind: 'step-end', step: 'provision', ok: true, durationMs: 2750 });
    work.release();
    const done = await tasks.whenDone(task.id);

    expect(done.state).toBe('succeeded');
    expect(done.endedAt).toBe(4000);
    expect(done.steps).toEqual([
      { id: 'network', title: 'Creating the network', state: 'succeeded', startedAt: 1000, durationMs: 250 },
      { id: 'provision', title: 'Starting nodes', state: 'succeeded', startedAt: 1250, durationMs: 2750 },
    ]);
    expect(done.log).toEqual(['[provision] demo-control-plane up']);
    expect(updates.at(-1)).toEqual(done);
    // Snapshots are copies: later changes do not reach earlier subscribers' objects.
    expect(updates[0]?.steps).toEqual([]);
  });

  it('cancels through the signal, marks the running step failed and ends cancelled', async () => {
    const { tasks, updates } = manager();
    const work = controllable();
    const task = tasks.start({ kind: 'create', title: 'Create demo', cluster: 'demo', run: work.run });
    work.context().onProgress({ kind: 'step-start', step: 'kubeadm-init', title: 'Initialising', at: 1000 });

    const afterCancel = tasks.cancel(task.id);
    expect(afterCancel.cancelRequested).toBe(true);
    expect(work.context().signal.aborted).toBe(true);
    const done = await tasks.whenDone(task.id);

    expect(done.state).toBe('cancelled');
    expect(done.error?.code).toBe('CANCELLED');
    expect(done.steps[0]).toMatchObject({ id: 'kubeadm-init', state: 'failed', error: 'cancelled' });
    expect(updates.some((update) => update.cancelRequested && update.state === 'running')).toBe(true);
  });

  it('ends failed with the error as a value when the work throws', async () => {
    const { tasks } = manager();
    const task = tasks.start({
      kind: 'start',
      title: 'Start demo',
      cluster: 'demo',
      run: () => Promise.reject(new StepFailed('wait-ready', new Error('timed out'))),
    });
    const done = await tasks.whenDone(task.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'STEP_FAILED', step: 'wait-ready', message: 'wait-ready: timed out' });
  });

  it('refuses a second task on a busy cluster with a Conflict', () => {
    const { tasks } = manager();
    tasks.start({ kind: 'create', title: 'Create demo', cluster: 'demo', run: controllable().run });
    expect(() =>
      tasks.start({ kind: 'stop', title: 'Stop demo', cluster: 'demo', run: () => Promise.resolve() }),
    ).toThrow(/busy/);
    expect(tasks.start({ kind: 'stop', title: 'Stop other', cluster: 'other', run: () => Promise.resolve() }).id).toBe(
      'task-2',
    );
  });

  it('keeps a bounded log and a bounded number of finished tasks', async () => {
    const { tasks, removed } = manager();
    const work = controllable();
    const task = tasks.start({ kind: 'create', title: 'Create demo', run: work.run });
    for (const message of ['a', 'b', 'c', 'd']) work.context().onProgress({ kind: 'log', message });
    work.release();
    expect((await tasks.whenDone(task.id)).log).toEqual(['b', 'c', 'd']);
    for (const name of ['x', 'y', 'z'])
      await tasks.whenDone(tasks.start({ kind: 'stop', title: name, run: () => Promise.resolve() }).id);
    expect(removed).toEqual(['task-1', 'task-2']);
    expect(tasks.list().map((t) => t.title)).toEqual(['y', 'z']);
  });

  it('answers NotFound for unknown tasks and refuses to dismiss running ones', () => {
    const { tasks } = manager();
    expect(() => tasks.cancel('task-99')).toThrow(/no task task-99/);
    const task = tasks.start({ kind: 'create', title: 'Create demo', run: controllable().run });
    expect(() => {
      tasks.dismiss(task.id);
    }).toThrow(/still running/);
  });
});

describe('TaskManager plans', () => {
  it('lists planned steps as pending, starts them in place, and estimates from earlier runs', async () => {
    const { tasks, clock } = manager();
    const plan = [
      { id: 'a', title: 'First' },
      { id: 'b', title: 'Second' },
    ];
    const first = controllable();
    const task = tasks.start({ kind: 'start', title: 'Start demo', cluster: 'demo', plan, run: first.run });
    expect(task.steps).toEqual([
      { id: 'a', title: 'First', state: 'pending' },
      { id: 'b', title: 'Second', state: 'pending' },
    ]);
    first.context().onProgress({ kind: 'step-start', step: 'a', title: 'First step', at: 1000 });
    first.context().onProgress({ kind: 'step-end', step: 'a', ok: true, durationMs: 400 });
    clock.now = 2000;
    first.context().onProgress({ kind: 'step-start', step: 'extra', title: 'Unplanned', at: 2000 });
    first.release();
    const done = await tasks.whenDone(task.id);
    expect(done.steps.map((step) => [step.id, step.state])).toEqual([
      ['a', 'succeeded'],
      ['b', 'pending'],
      ['extra', 'running'],
    ]);
    const second = tasks.start({ kind: 'start', title: 'Start demo', cluster: 'demo', plan, run: controllable().run });
    expect(second.steps.map((step) => step.expectedMs)).toEqual([400, undefined]);
  });
});
