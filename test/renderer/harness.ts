// The real renderer state over the real IPC core and the fake engine, in-process: component
// tests exercise the contract (validation, tasks, events), not a mock of it.
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { FakeAddonsService } from '../../main/dev/fake-engine/fake-addons.js';
import type { FakeEngine } from '../../main/dev/fake-engine/fake-engine.js';
import { FakeWorkloads } from '../../main/dev/fake-engine/fake-workloads.js';
import { createDemoFakeEngine } from '../../main/dev/fake-engine/seed.js';
import { createExportService } from '../../main/ipc/adapters/export-service.js';
import { createAppCore, type AppCore } from '../../main/ipc/app-core.js';
import type { AddonCatalogEntry } from '../../main/ipc/feature-services.js';
import { createInProcessApi } from '../../main/ipc/in-process-api.js';
import type { KubectlContexts } from '../../main/ipc/kubectl-context.js';
import { APP_STATE_KEY, AppState } from '../../renderer/src/state/app-state.svelte.js';
import { Router } from '../../renderer/src/state/router.svelte.js';

// Vitest runs without globals here, so testing-library cannot register its own cleanup:
// every file that uses the harness unmounts its components after each test.
afterEach(() => {
  cleanup();
});

// jsdom implements <dialog> without showModal() and close(); these do what matters here.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

/** A small, stable catalogue (the real one is tested against the bundles elsewhere). */
export const testCatalog: AddonCatalogEntry[] = [
  {
    name: 'registry',
    title: 'Local registry',
    version: '1.0.0',
    description: 'An image registry on the host.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        hostPort: {
          type: 'integer',
          minimum: 1024,
          maximum: 65535,
          default: 5001,
          description: 'Loopback port on the host.',
        },
      },
    },
    requires: [],
    conflicts: [],
  },
  {
    name: 'dashboard',
    title: 'Headlamp dashboard',
    version: '1.0.0',
    description: 'A web UI for the cluster.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        role: {
          type: 'string',
          description:
            'Cluster role of the login account. `view` cannot read Secrets; `cluster-admin` can do anything.',
          enum: ['view', 'edit', 'cluster-admin'],
          default: 'view',
          'x-slipway-privileged': true,
        },
        defaultClass: { type: 'boolean', default: false },
        host: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', default: 'headlamp.localhost' },
      },
    },
    requires: [],
    conflicts: [],
  },
];

export interface Harness {
  engine: FakeEngine;
  core: AppCore;
  app: AppState;
  context: Map<unknown, unknown>;
}

export interface HarnessOptions {
  engine?: FakeEngine;
  features?: { addons?: boolean; export?: boolean; workloads?: boolean };
  path?: string;
}

/** Starts the core and the renderer state; `context` goes to testing-library's render. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const engine = options.engine ?? createDemoFakeEngine();
  let current: string | undefined;
  const kubectl: KubectlContexts = {
    current: () => Promise.resolve(current),
    use: (context) => {
      current = context;
      return Promise.resolve({ path: '/home/me/.kube/config', context });
    },
  };
  const core = createAppCore({
    engine,
    transport: 'in-process',
    kubectl,
    fakeEngine: true,
    ...(options.features?.addons === false ? {} : { addons: new FakeAddonsService(engine, testCatalog) }),
    ...(options.features?.export === false ? {} : { exporter: createExportService() }),
    ...(options.features?.workloads === false
      ? {}
      : { workloads: new FakeWorkloads(engine, { replaceDelayMs: 5, logIntervalMs: 20 }) }),
  });
  const host = { location: { hash: `#${options.path ?? '/'}` }, addEventListener: () => undefined };
  const app = new AppState(createInProcessApi(core), new Router(host));
  await app.start();
  return { engine, core, app, context: new Map<unknown, unknown>([[APP_STATE_KEY, app]]) };
}
