import { describe, expect, it } from 'vitest';
import { Cancelled, Conflict, HostProblem, StepFailed } from '../../../main/errors.js';
import { runStep, runSteps, type Step } from '../../../main/engine/create/pipeline.js';
import type { ProgressEvent } from '../../../main/engine/types.js';

function recorder() {
  const events: ProgressEvent[] = [];
  let clock = 1000;
  return { events, reporter: { listener: (e: ProgressEvent) => events.push(e), now: () => (clock += 250) } };
}

const ok = (id: string, log: string[]): Step<void> => ({
  id,
  title: `Title ${id}`,
  run: () => Promise.resolve(void log.push(id)),
});

describe('runSteps', () => {
  it('runs steps in order with start and end events and timings', async () => {
    const ran: string[] = [];
    const { events, reporter } = recorder();
    await runSteps([ok('a', ran), ok('b', ran)], undefined, reporter);
    expect(ran).toEqual(['a', 'b']);
    expect(events).toEqual([
      { kind: 'step-start', step: 'a', title: 'Title a', at: 1250 },
      { kind: 'step-end', step: 'a', ok: true, durationMs: 250 },
      { kind: 'step-start', step: 'b', title: 'Title b', at: 1750 },
      { kind: 'step-end', step: 'b', ok: true, durationMs: 250 },
    ]);
  });

  it('stops at the first failure and names the step', async () => {
    const ran: string[] = [];
    const { events, reporter } = recorder();
    const boom: Step<void> = { id: 'boom', title: 'Boom', run: () => Promise.reject(new Error('disk on fire')) };
    const error = await runSteps([ok('a', ran), boom, ok('c', ran)], undefined, reporter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailed);
    expect(error).toMatchObject({ step: 'boom', message: 'boom: disk on fire' });
    expect(ran).toEqual(['a']);
    expect(events.at(-1)).toMatchObject({ kind: 'step-end', step: 'boom', ok: false, error: 'boom: disk on fire' });
  });

  it('lets refusals through with their own type and exit status', async () => {
    const refuse = (error: Error): Step<void> => ({ id: 'preflight', title: 'p', run: () => Promise.reject(error) });
    await expect(runStep(refuse(new Conflict('name taken')), undefined, {})).rejects.toBeInstanceOf(Conflict);
    await expect(runStep(refuse(new HostProblem('disk full')), undefined, {})).rejects.toBeInstanceOf(HostProblem);
  });

  it('turns an abort into Cancelled, before or during a step', async () => {
    const controller = new AbortController();
    controller.abort();
    const ran: string[] = [];
    await expect(runSteps([ok('a', ran)], undefined, { signal: controller.signal })).rejects.toBeInstanceOf(Cancelled);
    expect(ran).toEqual([]);
    const during = new AbortController();
    const step: Step<void> = {
      id: 'slow',
      title: 'slow',
      run: () => {
        during.abort();
        return Promise.reject(new Error('socket closed'));
      },
    };
    await expect(runStep(step, undefined, { signal: during.signal })).rejects.toBeInstanceOf(Cancelled);
  });
});
