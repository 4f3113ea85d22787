// Waiting between polls without outliving a cancelled task.
import { Cancelled } from '../errors.js';

/** Resolve after ms, or reject with Cancelled as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Cancelled('cancelled'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Cancelled('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
