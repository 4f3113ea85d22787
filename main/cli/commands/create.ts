// `slipway create [-f FILE] [--name N] [--image REF] [--retain] [--wait DURATION]`: create a
// cluster and wait until it is ready, printing each named step with its time as it ends.
import { chooseAddonHostPorts } from '../../addons/host-port-choice.js';
import type { Command } from 'commander';
import { SpecInvalid } from '../../errors.js';
import { assertAddonsMatchBundles, validateClusterSpecTextWithBundles } from '../../addons/spec-checks.js';
import { defaultClusterSpec, validateClusterSpecValue, type ClusterSpec } from '../../spec/index.js';
import type { CliContext } from '../context.js';
import { parseDuration } from '../duration.js';
import { CLUSTER_SPEC_FILE, readInputFile } from '../read-input.js';
import { formatSeconds, stepPrinter } from '../step-printer.js';

interface CreateFlags {
  file?: string;
  name?: string;
  image?: string;
  retain?: boolean;
  wait: string;
}

/**
 * The spec to create: the file, or the embedded default; --name wins over metadata.name. Its
 * add-ons are checked against their bundles here, as `slipway validate` does, so a bad
 * parameter is refused before the engine is even contacted.
 */
async function specFor(flags: CreateFlags, signal: AbortSignal): Promise<ClusterSpec> {
  const spec = flags.file ? await loadSpecFile(flags.file, signal) : defaultClusterSpec();
  if (!flags.file) await assertAddonsMatchBundles(spec, { source: 'the default cluster' });
  if (flags.name === undefined) return spec;
  const result = validateClusterSpecValue({ ...spec, metadata: { ...spec.metadata, name: flags.name } });
  if (!result.ok)
    throw new SpecInvalid(result.problems.map((p) => (p.path === 'metadata.name' ? { ...p, path: '--name' } : p)));
  return result.spec;
}

async function loadSpecFile(file: string, signal: AbortSignal): Promise<ClusterSpec> {
  const result = await validateClusterSpecTextWithBundles(
    await readInputFile(file, '--file', { what: CLUSTER_SPEC_FILE, signal }),
  );
  if (!result.ok) throw new SpecInvalid(result.problems, { source: file });
  return result.spec;
}

function describe(spec: ClusterSpec): string {
  const controlPlanes = spec.spec.controlPlane.replicas;
  const workers = spec.spec.workers.reduce((sum, pool) => sum + pool.replicas, 0);
  return `${String(controlPlanes)} control plane${controlPlanes > 1 ? 's' : ''}, ${String(workers)} worker${workers === 1 ? '' : 's'}`;
}

/** Register `create`. */
export function registerCreate(program: Command, context: CliContext): void {
  program
    .command('create')
    .description('create a cluster and wait until it is ready')
    .option(
      '-f, --file <file>',
      'cluster spec YAML file ("-" for standard input); default: the embedded default cluster',
    )
    .option('--name <name>', 'cluster name (overrides metadata.name)')
    .option('--image <ref>', 'node image (overrides spec.nodeImage)')
    .option('--retain', 'keep what was made when create fails, for debugging')
    .option('--wait <duration>', 'how long to wait for nodes Ready and CoreDNS; 0 does not wait', '5m')
    .action(async (flags: CreateFlags) => {
      const choices = await chooseAddonHostPorts(await specFor(flags, context.signal));
      for (const note of choices.notes) context.stderr(`note: ${note}\n`);
      for (const warning of choices.warnings) context.stderr(`warning: ${warning}\n`);
      const spec = choices.spec;
      const waitTimeoutMs = parseDuration(flags.wait, '--wait');
      const engine = await context.engine();
      const started = Date.now();
      context.stderr(`Creating cluster "${spec.metadata.name}" (${describe(spec)})\n`);
      const summary = await engine.createCluster(spec, {
        image: flags.image,
        retain: flags.retain,
        waitTimeoutMs,
        signal: context.signal,
        onProgress: stepPrinter(context),
      });
      context.stdout(
        `cluster "${summary.name}" is ready in ${formatSeconds(Date.now() - started)}: API ${summary.apiEndpoint ?? '?'}, kubectl context ${summary.kubeconfigContext ?? '?'}\n`,
      );
    });
}
