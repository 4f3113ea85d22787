// Responsiveness probe for hostile-input tests: while one call runs, another cheap call is
// made every 20 ms, and the slowest answer is reported. A blocked event loop shows up as one
// probe answering late (or not before the hostile call ends).
import type { Dispatch } from '../../../../main/ipc/dispatcher.js';

/** Runs `hostile` and probes with `app:info`; returns the hostile result and the slowest probe in ms. */
export async function probeWhile<T>(
  dispatch: Dispatch,
  hostile: () => Promise<T>,
): Promise<{ result: T; slowestMs: number; probes: number }> {
  const state = { running: true };
  let slowestMs = 0;
  let probes = 0;
  const probing = (async () => {
    while (state.running) {
      const started = performance.now();
      await dispatch('app:info', undefined);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  // A timer that fires late also means a blocked loop, even between probes.
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    slowestMs = Math.max(slowestMs, now - last - 20);
    last = now;
  }, 20);
  try {
    const result = await hostile();
    return { result, slowestMs, probes };
  } finally {
    state.running = false;
    clearInterval(ticker);
    await probing;
  }
}
