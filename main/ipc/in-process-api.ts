// window.slipway without any transport: calls the core's dispatcher directly. Used by
// component tests and benchmarks so they exercise the real contract, validation included.
import type { SlipwayApi } from './contract.js';
import type { AppCore } from './app-core.js';

/** A SlipwayApi that talks to an AppCore in the same process. */
export function createInProcessApi(core: Pick<AppCore, 'dispatch' | 'hub'>): SlipwayApi {
  return {
    transport: 'in-process',
    // Payloads and results are cloned like Electron's IPC does, so a renderer that sends
    // something unclonable (a reactive proxy, a function) fails here as it would there.
    // The dispatcher validates the payload and answers with the channel's result type.
    invoke: async (channel, ...args) =>
      structuredClone(await core.dispatch(channel, structuredClone(args[0]))) as never,
    on: (event, listener) => core.hub.on(event, listener),
  };
}
