// When long work ends, say so with a native notification, unless the user is looking at the
// window and the work was quick. Failures always notify: they need action.
import type { TaskInfo } from '../ipc/contract.js';
import type { Notification } from './ports.js';

/** Work shorter than this ends quietly while the window has focus. */
export const QUIET_TASK_MS = 5000;

function seconds(task: TaskInfo): string {
  const ms = (task.endedAt ?? task.startedAt) - task.startedAt;
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${String(Math.floor(ms / 60_000))} min ${String(Math.round((ms % 60_000) / 1000))} s`;
}

function successText(task: TaskInfo): string {
  const name = task.cluster ?? '';
  switch (task.kind) {
    case 'create':
      return `${name} is ready`;
    case 'start':
      return `${name} is running`;
    case 'stop':
      return `${name} is stopped`;
    case 'delete':
      return `${name} was deleted`;
    default:
      return `${task.title} done`;
  }
}

/** The notification for a finished task, or undefined when none is due. */
export function notificationFor(task: TaskInfo, windowFocused: boolean): Notification | undefined {
  if (task.state === 'running') return undefined;
  const duration = (task.endedAt ?? task.startedAt) - task.startedAt;
  if (task.state === 'failed') {
    const step = task.error?.step ? ` at step ${task.error.step}` : '';
    return {
      title: `${task.title} failed${step}`,
      body: task.error?.hint ?? task.error?.message ?? 'See the Slipway window for details.',
    };
  }
  if (windowFocused && duration < QUIET_TASK_MS) return undefined;
  if (task.state === 'cancelled') return { title: `${task.title} cancelled`, body: `Stopped after ${seconds(task)}.` };
  return { title: successText(task), body: `${task.title} finished in ${seconds(task)}.` };
}
