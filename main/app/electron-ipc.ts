// Carries the IPC contract over Electron: one invoke channel into the dispatcher (which
// validates every payload), and one event channel out to the app's windows. Requests from
// anything but our own page are refused.
import { ipcMain, type WebContents } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL, IpcErrorCodes, type IpcResponse } from '../ipc/contract.js';
import type { Dispatch } from '../ipc/dispatcher.js';
import type { EventHub } from '../ipc/event-hub.js';
import { isAppUrl } from './window-policy.js';

const untrusted: IpcResponse<never> = {
  error: {
    code: IpcErrorCodes.untrustedSender,
    name: 'UntrustedSender',
    message: 'request refused: it did not come from the Slipway window',
  },
};

/** Registers the invoke handler; returns the function that removes it. */
export function registerIpc(dispatch: Dispatch): () => void {
  ipcMain.handle(ELECTRON_INVOKE_CHANNEL, (event, message: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) return untrusted;
    const { channel, payload } = (message ?? {}) as { channel?: unknown; payload?: unknown };
    return dispatch(channel, payload);
  });
  return () => {
    ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL);
  };
}

/** Forwards every hub event to a window's page; returns the function that stops it. */
export function forwardEvents(hub: EventHub, contents: WebContents): () => void {
  return hub.onAny((event, payload) => {
    if (!contents.isDestroyed()) contents.send(ELECTRON_EVENT_CHANNEL, { event, payload });
  });
}
