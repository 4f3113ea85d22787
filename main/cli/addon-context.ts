// Builds the add-on context for CLI verbs: the engine, its node access, the Docker host side,
// and the image override map from --images, SLIPWAY_IMAGE_OVERRIDES or the hermetic build.
import type { AddonContext } from '../addons/index.js';
import {
  dockerHostContainers,
  engineNodeAccess,
  loadImageOverrides,
  overridesPathFromEnvironment,
} from '../addons/index.js';
import type { ProgressEvent } from '../engine/types.js';
import type { CliContext } from './context.js';

/** The add-on context for one CLI invocation. */
export async function addonContextFor(context: CliContext, imagesFile?: string): Promise<AddonContext> {
  const engine = await context.engine();
  const overrides = await loadImageOverrides(imagesFile ?? overridesPathFromEnvironment());
  return { engine, host: { nodes: engineNodeAccess(engine), containers: dockerHostContainers() }, overrides };
}

/** Prints add-on progress events as `==> title` / `    done in 1.2 s` lines on stderr. */
export function progressPrinter(context: CliContext): (event: ProgressEvent) => void {
  return (event) => {
    if (event.kind === 'step-start') context.stderr(`==> ${event.title}\n`);
    else if (event.kind === 'step-end')
      context.stderr(
        event.ok
          ? `    done in ${(event.durationMs / 1000).toFixed(1)} s\n`
          : `    failed after ${(event.durationMs / 1000).toFixed(1)} s\n`,
      );
    else if (context.verbose) context.stderr(`    ${event.message}\n`);
  };
}
