// What `slipway create` does (registered in ./create-command.ts, loaded when the verb runs).
import { chooseAddonHostPorts } from '../../addons/host-port-choice.js';
import { SpecInvalid } from '../../errors.js';
import { assertAddonsMatchBundles, validateClusterSpecTextWithBundles } from '../../addons/spec-checks.js';
import { defaultClusterSpec, validateClusterSpecValue, type ClusterSpec } from '../../spec/index.js';
import type { CliContext } from '../context.js';
import { parseDuration } from '../duration.js';
import { CLUSTER_SPEC_FILE, readInputFile } from '../read-input.js';
import { formatSeconds, stepPrinter } from '../step-printer.js';

export interface CreateFlags {
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

/** Create the cluster and wait until it is ready, printing each step as it ends. */
export async function runCreate(context: CliContext, flags: CreateFlags): Promise<void> {
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
}
