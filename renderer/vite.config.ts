// Builds the renderer into renderer/dist for Electron (slipway://app/) and the loopback
// bridge. Production HTML gets the same CSP meta tag as the headers main and the bridge
// send, so the policy also holds if a page is ever opened some other way.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { RENDERER_CSP } from '../main/ipc/renderer-policy.js';

// frame-ancestors only works as a header (main and the bridge send it); browsers ignore it,
// with a console error, in a meta tag.
const metaCsp = RENDERER_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

function cspMeta(): Plugin {
  return {
    name: 'slipway-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="utf-8" />',
        `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaCsp}" />`,
      ),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [svelte(), cspMeta()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: true,
  },
});
