// Files Slipway ships beside its code (image build scripts, bundles), found relative to the
// package, never the working directory, and named in messages so they can be run from
// wherever the user is: relative in a checkout's root, absolute elsewhere.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A path of the package, as short as it can be from `cwd`. */
export function packagePath(path: string, cwd: string = process.cwd()): string {
  const absolute = resolve(packageRoot, path);
  return resolve(cwd) === resolve(packageRoot) ? relative(cwd, absolute) : absolute;
}

/** The command that builds the hermetic images of some add-ons (all of them without names). */
export function addonImagesCommand(addons: readonly string[] = [], cwd?: string): string {
  return ['bash', packagePath('images/addons/build.sh', cwd), ...addons].join(' ');
}
