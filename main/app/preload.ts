// The preload script: exposes window.slipway (the SlipwayApi of the IPC contract) through
// contextBridge. It runs sandboxed, so it is bundled to one CommonJS file that needs only
// electron's renderer modules. It forwards; main validates.
import { contextBridge, ipcRenderer } from 'electron';
import {
  ELECTRON_EVENT_CHANNEL,
  ELECTRON_INVOKE_CHANNEL,
  type IpcEventName,
  type SlipwayApi,
} from '../ipc/contract.js';

type Listener = (payload: unknown) => void;

const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(ELECTRON_EVENT_CHANNEL, (_event, message: { event?: unknown; payload?: unknown }) => {
  if (typeof message.event !== 'string') return;
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

const api: SlipwayApi = {
  transport: 'electron',
  invoke: (channel, ...args) => ipcRenderer.invoke(ELECTRON_INVOKE_CHANNEL, { channel, payload: args[0] }) as never,
  on: (event: IpcEventName, listener: (payload: never) => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const wrapped: Listener = (payload) => {
      listener(payload as never);
    };
    set.add(wrapped);
    return () => set.delete(wrapped);
  },
};

contextBridge.exposeInMainWorld('slipway', api);
