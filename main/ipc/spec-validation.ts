// Cluster specs from the renderer are validated off the main event loop: the main process
// also serves the UI, the tray and every other IPC call, and a large hostile spec (1 MiB of
// keys) takes seconds to check. Small specs, which is every real one, are checked inline;
// larger ones in a worker thread with a memory cap and a time budget.
import { Worker } from 'node:worker_threads';
import { SpecInvalid } from '../errors.js';
import { validateClusterSpecText, type ClusterSpec, type ValidationResult } from '../spec/index.js';

/** Above this many characters a spec is validated in a worker (a real spec is a few KiB). */
export const INLINE_SPEC_CHARS = 16 * 1024;

/** How long a worker may take before the spec is refused as too expensive to check. */
export const SPEC_VALIDATION_BUDGET_MS = 20_000;

// The built app bundles the worker next to main.js (main/app/bundle.ts defines this);
// from sources, tsx runs the TypeScript file.
declare const SLIPWAY_SPEC_WORKER: string | undefined;

/** The spec with defaults, or SpecInvalid with every problem; never blocks the event loop for long. */
export async function validatedSpec(specText: string, budgetMs = SPEC_VALIDATION_BUDGET_MS): Promise<ClusterSpec> {
  const validation =
    specText.length <= INLINE_SPEC_CHARS
      ? validateClusterSpecText(specText)
      : await validateInWorker(specText, budgetMs);
  if (!validation.ok) throw new SpecInvalid(validation.problems, { source: 'the cluster spec' });
  return validation.spec;
}

/** Validate in a fresh worker thread; the worker is ended when the budget runs out. */
export function validateInWorker(specText: string, budgetMs: number): Promise<ValidationResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(specText);
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(
        refused(
          `the spec took longer than ${String(budgetMs / 1000)} s to check; a cluster spec is a few hundred lines`,
        ),
      );
    }, budgetMs);
    const settle = () => {
      clearTimeout(timer);
    };
    worker.once('message', (result: ValidationResult) => {
      settle();
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      resolve(
        refused(`the spec could not be checked (the checker stopped with status ${String(code)}); it is too large`),
      );
    });
  });
}

function startWorker(specText: string): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: 512 }, workerData: specText };
  if (typeof SLIPWAY_SPEC_WORKER === 'string') return new Worker(new URL(SLIPWAY_SPEC_WORKER, import.meta.url), limits);
  const source = new URL('./spec-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { ...limits, eval: true });
}

function refused(message: string): ValidationResult {
  return { ok: false, problems: [{ path: '', message }] };
}
