// The renderer's bridge client says when it loses the bridge and when it has it back, so the
// window can show a reconnecting screen instead of going blank or showing stale data.
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../../main/bridge/server.js';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import type { ConnectionState } from '../../../main/ipc/contract.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { createBridgeClient } from '../../../renderer/src/api/bridge-client.js';

async function bridgeOn(port = 0) {
  const core = createAppCore({
    engine: new FakeEngine(),
    transport: 'bridge',
    kubectl: createFileKubectlContexts('/nonexistent'),
  });
  const bridge = await startBridge({ dispatch: core.dispatch, hub: core.hub, port, env: { VITEST: 'true' } });
  return { core, bridge };
}

function until(states: ConnectionState[], wanted: ConnectionState): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (states.at(-1) === wanted) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
}

describe('bridge client connection state', () => {
  it('reports reconnecting when the bridge dies and connected once one answers again', async () => {
    const first = await bridgeOn();
    const port = first.bridge.port;
    const client = createBridgeClient({ baseUrl: first.bridge.origin.replace(/\/$/, ''), token: 'x', reconnectMs: 20 });
    const states: ConnectionState[] = [];
    client.onConnection((state) => states.push(state));
    // A wrong token is refused: that is no connection either.
    await until(states, 'reconnecting');
    client.close();
    await first.bridge.close();

    const second = await bridgeOn(port);
    const good = createBridgeClient({
      baseUrl: second.bridge.origin.replace(/\/$/, ''),
      token: second.bridge.token,
      reconnectMs: 20,
    });
    const seen: ConnectionState[] = [];
    good.onConnection((state) => seen.push(state));
    // (A first attempt may fail on a pooled socket of the closed bridge; it settles connected.)
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen.at(-1) ?? 'connected').toBe('connected');
    await second.bridge.close();
    await until(seen, 'reconnecting');
    const third = await bridgeOn(port);
    // Same address, new token: still not connected (the page must be reopened).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.at(-1)).toBe('reconnecting');
    expect(await good.invoke('clusters:list')).toMatchObject({ error: { name: 'BridgeUnreachable' } });
    good.close();
    await third.bridge.close();
    await Promise.all([first.core.dispose(), second.core.dispose(), third.core.dispose()]);
  });
});
