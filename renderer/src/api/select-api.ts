// Picks how this page reaches main: the preload's window.slipway in Electron, or the
// loopback bridge when the page was opened with the bridge's token in its fragment
// (#token=...). The token leaves the address bar at once and stays in this tab only.
import type { SlipwayApi } from '../../../main/ipc/contract.js';
import { createBridgeClient } from './bridge-client.js';

const TOKEN_KEY = 'slipway.bridgeToken';

export interface ApiHost {
  slipway?: SlipwayApi;
  location: { hash: string; origin: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** The API for this page, or undefined when it was opened neither by Electron nor the bridge. */
export function selectApi(host: ApiHost): SlipwayApi | undefined {
  if (host.slipway) return host.slipway;
  const fromFragment = new URLSearchParams(host.location.hash.replace(/^#/, '')).get('token');
  const token = fromFragment ?? host.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return undefined;
  if (fromFragment) {
    host.sessionStorage.setItem(TOKEN_KEY, fromFragment);
    host.history.replaceState(null, '', '#/');
  }
  return createBridgeClient({ baseUrl: host.location.origin, token });
}
