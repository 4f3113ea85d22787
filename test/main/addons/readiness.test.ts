import { describe, expect, it } from 'vitest';
import { workloadPending } from '../../../main/addons/readiness.js';
import type { KubeObject } from '../../../main/addons/render.js';

type Live = KubeObject & { status?: Record<string, unknown>; spec?: Record<string, unknown> };
const live = (
  kind: string,
  generation: number,
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
): Live => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'x', generation } as KubeObject['metadata'],
  spec,
  status,
});

describe('workloadPending (kstatus-style rules)', () => {
  it.each([
    [
      'a rolled-out Deployment',
      live('Deployment', 2, { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, availableReplicas: 2 }),
      undefined,
    ],
    [
      'a Deployment still on its old generation',
      live('Deployment', 3, { replicas: 1 }, { observedGeneration: 2, updatedReplicas: 1, availableReplicas: 1 }),
      'has not observed its latest generation',
    ],
    [
      'a Deployment with too few available pods',
      live('Deployment', 1, { replicas: 2 }, { observedGeneration: 1, updatedReplicas: 2, availableReplicas: 1 }),
      'has 1/2 replicas ready',
    ],
    [
      'a DaemonSet on every node',
      live(
        'DaemonSet',
        1,
        {},
        { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 },
      ),
      undefined,
    ],
    [
      'a DaemonSet scheduled nowhere',
      live('DaemonSet', 1, {}, { observedGeneration: 1, desiredNumberScheduled: 0 }),
      'is scheduled on no node',
    ],
    [
      'a DaemonSet still rolling',
      live(
        'DaemonSet',
        1,
        {},
        { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 },
      ),
      'has 2/3 pods available',
    ],
    [
      'a StatefulSet counted by ready replicas',
      live('StatefulSet', 1, { replicas: 1 }, { observedGeneration: 1, updatedReplicas: 1, readyReplicas: 0 }),
      'has 0/1 replicas ready',
    ],
  ])('%s', (_what, object, expected) => {
    expect(workloadPending(object)).toBe(expected);
  });

  it('waits for a CRD to be Established', () => {
    const crd = (status: string): Live => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'x' },
      status: { conditions: [{ type: 'Established', status }] },
    });
    expect(workloadPending(crd('False'))).toBe('not established');
    expect(workloadPending(crd('True'))).toBeUndefined();
  });
});
