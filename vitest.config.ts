import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three projects: unit (plain Node, pure logic), component (Svelte in jsdom) and e2e (real
// Docker, real kubeadm, real Chromium). `npm test` runs all three. The unit and e2e projects
// compile the CLI first (test/build-cli.ts): their CLI tests spawn bin/slipway.js.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/main/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/images/**/*.test.ts'],
          globalSetup: ['test/build-cli.ts'],
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'component',
          environment: 'jsdom',
          // Main-process code the fake app core runs finds the bundles from a file: URL, which
          // jsdom's import.meta.url is not.
          env: { SLIPWAY_ADDONS_DIR: fileURLToPath(new URL('./addons/', import.meta.url)) },
          include: ['test/renderer/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/build-cli.ts'],
          // Real clusters on 2 cores: minutes per test, one file at a time.
          testTimeout: 15 * 60_000,
          hookTimeout: 15 * 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
