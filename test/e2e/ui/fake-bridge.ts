// The bridge serving the built renderer over the FAKE engine, for screenshots and layout
// checks only; it is never evidence for what the real engine does.
import { startBridge, type RunningBridge } from '../../../main/bridge/server.js';
import type { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { createAppCore, type AppCore } from '../../../main/ipc/app-core.js';
import { fakeFeatureServices } from '../../../main/dev/fake-engine/fake-features.js';
import type { KubectlContexts } from '../../../main/ipc/kubectl-context.js';

export interface FakeBridge {
  core: AppCore;
  bridge: RunningBridge;
  close(): Promise<void>;
}

/** Starts the core over a fake engine and a bridge serving renderer/dist. */
export async function startFakeBridge(engine: FakeEngine, staticDir: string): Promise<FakeBridge> {
  let context: string | undefined = 'slipway-demo';
  const kubectl: KubectlContexts = {
    current: () => Promise.resolve(context),
    use: (name) => {
      context = name;
      return Promise.resolve({ path: '~/.kube/config', context: name });
    },
  };
  const core = createAppCore({
    engine,
    transport: 'bridge',
    fakeEngine: true,
    kubectl,
    pollIntervalMs: 1000,
    ...(await fakeFeatureServices(engine)),
  });
  core.start();
  const bridge = await startBridge({ dispatch: core.dispatch, hub: core.hub, staticDir });
  return {
    core,
    bridge,
    close: async () => {
      await core.dispose();
      await bridge.close();
    },
  };
}
