// "n of m" and the time left of a task, from its planned steps and the durations earlier
// runs of the same steps took (TaskStep.expectedMs, kept by main).
import type { TaskInfo } from '../../../main/ipc/contract.js';

export interface TaskProgress {
  /** Steps finished, succeeded or failed. */
  done: number;
  total: number;
  /** The 1-based position of the running step, or undefined when none runs. */
  current?: number;
  /** Estimated milliseconds left, when every unfinished step has an estimate. */
  remainingMs?: number;
}

/** Where a task stands, at time `now`. */
export function taskProgress(task: Pick<TaskInfo, 'steps' | 'state'>, now: number): TaskProgress {
  const steps = task.steps;
  const done = steps.filter((step) => step.state === 'succeeded' || step.state === 'failed').length;
  const running = steps.findIndex((step) => step.state === 'running');
  const progress: TaskProgress = { done, total: steps.length, ...(running >= 0 ? { current: running + 1 } : {}) };
  if (task.state !== 'running') return progress;
  let remaining = 0;
  for (const step of steps) {
    if (step.state === 'succeeded' || step.state === 'failed') continue;
    if (step.expectedMs === undefined) return progress;
    const elapsed = step.state === 'running' && step.startedAt !== undefined ? now - step.startedAt : 0;
    remaining += Math.max(0, step.expectedMs - elapsed);
  }
  return { ...progress, remainingMs: remaining };
}
