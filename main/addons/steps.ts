// Runs one named step of an add-on task and reports it as progress events (the same events the
// engine emits), so the CLI prints it and the UI shows it.
import { SlipwayError, StepFailed } from '../errors.js';
import type { TaskOptions } from '../engine/types.js';

/** Run `work` as a step: step-start, then step-end with its duration and outcome. */
export async function runStep<T>(
  options: TaskOptions,
  step: { step: string; title: string },
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  options.onProgress?.({ kind: 'step-start', step: step.step, title: step.title, at: started });
  try {
    const result = await work();
    options.onProgress?.({ kind: 'step-end', step: step.step, ok: true, durationMs: Date.now() - started });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.onProgress?.({
      kind: 'step-end',
      step: step.step,
      ok: false,
      durationMs: Date.now() - started,
      error: message,
    });
    // Typed errors keep their class (and exit status); anything else is tagged with the step.
    if (error instanceof SlipwayError) throw error;
    throw new StepFailed(step.title, error);
  }
}
