// `npm run dev` and manual testing: serves the renderer in a browser through the loopback
// bridge, against the real engine or (with --fake) the fake one. Prints the page URL with
// its token to this terminal only. Refuses to run unless SLIPWAY_DEV_BRIDGE=1.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { specAddonHooks } from '../addons/engine-hooks.js';
import { fakeFeatureServices } from '../dev/fake-engine/fake-features.js';
import { createDemoFakeEngine } from '../dev/fake-engine/seed.js';
import type { Engine } from '../engine/types.js';
import { toSlipwayError } from '../errors.js';
import { createAppCore } from '../ipc/app-core.js';
import { desktopEngine, loadFeatureServices } from '../ipc/feature-loader.js';
import { createUnavailableEngine } from '../ipc/unavailable-engine.js';
import { startBridge } from './server.js';

const rendererRoot = fileURLToPath(new URL('../../renderer/', import.meta.url));

async function realEngine(): Promise<Engine> {
  try {
    const { createDefaultEngine } = await import('../engine/index.js');
    return await createDefaultEngine({ specAddons: specAddonHooks });
  } catch (error) {
    return createUnavailableEngine(error);
  }
}

/** Starts the Vite dev server in front of the bridge, proxying /api to it. */
async function startVite(bridgeOrigin: string): Promise<string> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: `${rendererRoot}vite.config.ts`,
    server: { host: '127.0.0.1', strictPort: false, proxy: { '/api': { target: bridgeOrigin, changeOrigin: true } } },
  });
  await server.listen();
  return server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fake: { type: 'boolean', default: false },
      vite: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
    },
  });
  const fake = values.fake ? createDemoFakeEngine({ stepDelayMs: 600, logIntervalMs: 800 }) : undefined;
  const engine = fake ?? desktopEngine(await realEngine());
  const core = createAppCore({
    engine,
    transport: 'bridge',
    fakeEngine: values.fake,
    ...(await (fake ? fakeFeatureServices(fake) : loadFeatureServices(engine))),
  });
  const staticDir = `${rendererRoot}dist`;
  if (!values.vite && !existsSync(`${staticDir}/index.html`)) {
    process.stderr.write('error: renderer/dist is missing; run `npm run build:renderer` first (or use --vite)\n');
    process.exitCode = 2;
    return;
  }
  const viteOrigin = 'http://127.0.0.1:5173';
  const bridge = await startBridge({
    dispatch: core.dispatch,
    hub: core.hub,
    staticDir: values.vite ? undefined : staticDir,
    port: Number(values.port),
    allowedOrigins: values.vite ? [viteOrigin, 'http://localhost:5173'] : [],
  });
  core.start();
  const page = values.vite ? `${await startVite(bridge.origin)}#token=${bridge.token}` : bridge.pageUrl;
  process.stdout.write(`Slipway dev bridge (${values.fake ? 'FAKE engine' : 'real engine'}) — open:\n  ${page}\n`);
  const stop = () => {
    void core
      .dispose()
      .then(() => bridge.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const failure = toSlipwayError(error);
  process.stderr.write(`error: ${failure.message}\n${failure.hint ? `hint: ${failure.hint}\n` : ''}`);
  process.exitCode = failure.exitCode;
});
