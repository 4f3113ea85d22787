// Runs named steps in order, reporting start and end (with timings) as ProgressEvents, turning
// failures into StepFailed{step} and an aborted signal into Cancelled.
import { Cancelled, ExitCode, HostProblem, SlipwayError, StepFailed } from '../../errors.js';
import type { ProgressListener } from '../types.js';

export interface Step<C, R = void> {
  /** Stable id used in events and errors, e.g. "kubeadm-init". */
  id: string;
  /** What the user sees while it runs. */
  title: string;
  run(context: C): Promise<R>;
}

export interface Reporter {
  listener?: ProgressListener;
  signal?: AbortSignal;
  /** Injected for tests. */
  now?: () => number;
}

/** Refusals (bad input, host problems) keep their type and exit status; other faults name the step. */
function failure(step: string, error: unknown, signal?: AbortSignal): SlipwayError {
  if (error instanceof Cancelled || error instanceof StepFailed) return error;
  if (signal?.aborted) return new Cancelled(`cancelled during ${step}`, { cause: error });
  if (error instanceof HostProblem || (error instanceof SlipwayError && error.exitCode === ExitCode.invalidInput))
    return error;
  return new StepFailed(step, error);
}

/** Run one step with events around it. */
export async function runStep<C, R>(step: Step<C, R>, context: C, reporter: Reporter): Promise<R> {
  const now = reporter.now ?? Date.now;
  if (reporter.signal?.aborted) throw new Cancelled(`cancelled before ${step.id}`);
  const started = now();
  reporter.listener?.({ kind: 'step-start', step: step.id, title: step.title, at: started });
  try {
    const result = await step.run(context);
    if (reporter.signal?.aborted) throw new Cancelled(`cancelled during ${step.id}`);
    reporter.listener?.({ kind: 'step-end', step: step.id, ok: true, durationMs: now() - started });
    return result;
  } catch (error) {
    const wrapped = failure(step.id, error, reporter.signal);
    reporter.listener?.({
      kind: 'step-end',
      step: step.id,
      ok: false,
      durationMs: now() - started,
      error: wrapped.message,
    });
    throw wrapped;
  }
}

/** Run steps in order; the first failure stops the run. */
export async function runSteps<C>(steps: readonly Step<C>[], context: C, reporter: Reporter): Promise<void> {
  for (const step of steps) await runStep(step, context, reporter);
}
