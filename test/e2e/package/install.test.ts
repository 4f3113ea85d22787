// The package users install: `npm pack`, then `npm install -g` into a temporary prefix, then
// `slipway` from a directory that is not the checkout. Proves the tarball carries the
// compiled CLI, the bundles and schemas, finds them relative to itself, and needs no tsx.
// Dependencies come from npm's cache where it has them (--prefer-offline), else the registry.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'slipway-package-'));
const prefix = join(scratch, 'prefix');
const elsewhere = join(scratch, 'elsewhere');
const slipway = join(prefix, 'bin', 'slipway');
const installed = join(prefix, 'lib', 'node_modules', 'slipway');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed command in `elsewhere`, with nothing pointing back at the checkout. */
async function slipwayElsewhere(args: string[]): Promise<Outcome> {
  const env = { ...process.env };
  delete env.SLIPWAY_ADDONS_DIR;
  delete env.SLIPWAY_IMAGE_OVERRIDES;
  try {
    const { stdout, stderr } = await run(slipway, args, { cwd: elsewhere, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  const packed = join(scratch, 'packed');
  mkdirSync(packed, { recursive: true });
  await run('npm', ['pack', '--silent', '--pack-destination', packed], { cwd: root });
  const tarball = readdirSync(packed).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${packed}`);
  await run(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      join(packed, tarball),
    ],
    { cwd: scratch },
  );
  mkdirSync(elsewhere, { recursive: true });
  copyFileSync(join(root, 'examples', 'multi-pool.yaml'), join(elsewhere, 'cluster.yaml'));
}, 10 * 60_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package, installed globally', () => {
  it('installs the compiled CLI without tsx or the TypeScript sources', () => {
    expect(existsSync(join(installed, 'dist', 'cli', 'run.js'))).toBe(true);
    expect(existsSync(join(installed, 'main'))).toBe(false);
    expect(existsSync(join(installed, 'node_modules', 'tsx'))).toBe(false);
  });

  it('prints its version from any directory', async () => {
    const outcome = await slipwayElsewhere(['--version']);
    expect(outcome).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('validates a spec and its add-ons against the bundles it ships', async () => {
    const valid = await slipwayElsewhere(['validate', '-f', 'cluster.yaml']);
    expect(valid).toMatchObject({ code: 0, stdout: 'cluster.yaml: valid (cluster "shop-dev")\n' });
    writeFileSync(
      join(elsewhere, 'bad.yaml'),
      'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: bad}\nspec:\n  addons: [{name: registry, params: {port: nope}}]\n',
    );
    const invalid = await slipwayElsewhere(['validate', '-f', 'bad.yaml']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('spec.addons[0].params.port');
  });

  it('lists every add-on bundle of the package', async () => {
    const outcome = await slipwayElsewhere(['addons', 'list']);
    expect(outcome.code).toBe(0);
    const bundles = readdirSync(join(root, 'addons'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(bundles.length).toBeGreaterThan(0);
    for (const bundle of bundles) expect(outcome.stdout).toMatch(new RegExp(`^${bundle}\\s`, 'm'));
  });
});
