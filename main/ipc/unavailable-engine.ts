// An Engine whose every call fails with one error: what the app runs on when the real engine
// cannot be constructed, so the window still opens and explains why instead of crashing.
import type { Engine } from '../engine/types.js';
import { EngineUnavailable, toSlipwayError } from '../errors.js';

/** Wraps a construction failure as an engine that reports it on every call. */
export function createUnavailableEngine(reason: unknown): Engine {
  const cause = toSlipwayError(reason);
  const error =
    cause instanceof EngineUnavailable
      ? cause
      : new EngineUnavailable(cause.message, {
          cause,
          hint: cause.hint ?? 'This build has no working cluster engine; see docs/desktop.md.',
        });
  const fail = (): Promise<never> => Promise.reject(error);
  return {
    createCluster: fail,
    listClusters: fail,
    getCluster: fail,
    startCluster: fail,
    stopCluster: fail,
    deleteCluster: fail,
    kubeconfig: fail,
    recordedSpec: fail,
    loadImages: fail,
    collectLogs: fail,
    doctor: fail,
    releases: fail,
    info: fail,
    execInNode: fail,
    kubectl: fail,
  };
}
