// The steps a task will run, known before it starts, so the UI can list all of them with
// "n of m" from the first moment. An engine that knows its own steps says so (the fake one
// does, through plannedSteps); for the real engine a create's steps come from the create
// pipeline's own list (main/engine/create/steps.ts). Tasks without a plan show their steps as they start.
import { createStepsFor } from '../engine/create/steps.js';
import type { ClusterSpec } from '../spec/index.js';
import type { TaskKind } from './contract.js';
import type { EngineWithExtras } from './engine-extras.js';

export interface PlannedStep {
  id: string;
  title: string;
}

export interface TaskPlanRequest {
  kind: TaskKind;
  /** The spec of a create. */
  spec?: ClusterSpec;
  /** The add-on of an add-on task. */
  addon?: string;
}

/** The steps a task is expected to run, in order; empty when they are not known up front. */
export function plannedSteps(engine: EngineWithExtras, request: TaskPlanRequest): PlannedStep[] {
  if (engine.plannedSteps) return engine.plannedSteps(request);
  if (request.kind === 'create' && request.spec)
    return createStepsFor({ controlPlanes: request.spec.spec.controlPlane.replicas }).map(({ id, title }) => ({
      id,
      title,
    }));
  return [];
}
