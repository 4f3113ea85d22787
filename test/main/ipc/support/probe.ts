// Responsiveness probe for hostile-input tests: while one call runs, a cheap call is made
// every 20 ms and each answer is timed. A blocked event loop leaves the probe unanswered for
// the whole blocking call, so the 95th percentile shows it; an odd slow probe from the shared
// 2-core machine being busy (CPU starvation, not blocking) does not fail the test.
import type { Dispatch } from '../../../../main/ipc/dispatcher.js';

export interface ProbeReport<T> {
  result: T;
  /** The 95th percentile of probe answer times, in ms (0 when the call ended before a probe). */
  p95Ms: number;
  slowestMs: number;
  probes: number;
}

/** Runs `hostile` and probes with `app:info` meanwhile. */
export async function probeWhile<T>(dispatch: Dispatch, hostile: () => Promise<T>): Promise<ProbeReport<T>> {
  const state = { running: true };
  const latencies: number[] = [];
  const probing = (async () => {
    while (state.running) {
      const started = performance.now();
      await dispatch('app:info', undefined);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const result = await hostile();
    return { result, ...summary(latencies) };
  } finally {
    state.running = false;
    await probing;
  }
}

function summary(latencies: readonly number[]): { p95Ms: number; slowestMs: number; probes: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p95Ms = sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0);
  return { p95Ms, slowestMs: sorted.at(-1) ?? 0, probes: sorted.length };
}
