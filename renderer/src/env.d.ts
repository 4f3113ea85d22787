// Ambient types for the renderer: Svelte components, Vite's client, and window.slipway.
/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { SlipwayApi } from '../../main/ipc/contract.js';

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in a plain browser (then the bridge is used). */
    slipway?: SlipwayApi;
  }
}
