// `slipway addons list|enable|disable`: add-on bundles on live clusters.
import type { Command } from 'commander';
import type { AddonStatus, EnableResult } from '../../addons/index.js';
import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { collectKeyValue, outputOption, type OutputFlags } from '../options.js';

// The add-on engine pulls in the Kubernetes client, which takes most of a second to load;
// only the verbs that use it load it, so `slipway list` or `validate` start quickly.
async function loadAddonVerbs() {
  const [engine, cliContext] = await Promise.all([import('../../addons/index.js'), import('../addon-context.js')]);
  return { ...engine, ...cliContext };
}

/** A privileged choice made without --yes: refused before anything is applied (exit 2). */
function unconfirmedPrivilege(
  addon: string,
  choices: readonly { path: string; value: unknown; default: unknown }[],
): UsageError {
  const named = choices.map(
    (choice) => `${choice.path}=${JSON.stringify(choice.value)} (default ${JSON.stringify(choice.default)})`,
  );
  return new UsageError(`${addon}: ${named.join(', ')} grants more privilege than the default`, {
    hint: 'pass --yes to confirm it',
  });
}

/** Register the `addons` verb group. */
export function registerAddons(program: Command, context: CliContext): void {
  const addons = program.command('addons').description('list, enable and disable add-on bundles');
  addons
    .command('list')
    .description('list add-on bundles, and which are enabled on a cluster')
    .argument('[cluster]', 'cluster name; without it only the bundles are listed')
    .addOption(outputOption())
    .action(async (cluster: string | undefined, flags: OutputFlags) => {
      const { addonStatuses, addonContextFor } = await loadAddonVerbs();
      const statuses = await addonStatuses(
        cluster ? await addonContextFor(context) : { engine: { kubeconfig: unavailable, recordedSpec: unavailable } },
        cluster,
      );
      if (flags.output === 'json') context.stdout(`${JSON.stringify(statuses, null, 2)}\n`);
      else context.stdout(formatStatuses(statuses, cluster !== undefined));
    });
  addons
    .command('enable')
    .description('enable an add-on on a cluster and wait until it is usable')
    .argument('<cluster>', 'cluster name')
    .argument('<addon>', 'add-on name (see `slipway addons list`)')
    .option('--set <key=value>', 'set a parameter (repeatable)', collectKeyValue, [])
    .option('--images <file>', 'image override map (air-gapped use)')
    .option('--no-wait', 'return once applied, without waiting for readiness')
    .option('--yes', 'confirm a parameter that grants more privilege, such as --set role=cluster-admin')
    .addOption(outputOption())
    .action(
      async (
        cluster: string,
        addon: string,
        flags: { set: string[]; images?: string; wait: boolean; yes?: boolean } & OutputFlags,
      ) => {
        const verbs = await loadAddonVerbs();
        const { enableAddon, parseSetFlags, validateRequests, addonContextFor, progressPrinter } = verbs;
        const params = parseSetFlags(flags.set);
        // Bad bundles or parameters are reported before the engine or the cluster is touched.
        await validateRequests({}, [{ name: addon, params }]);
        const bundle = await verbs.loadBundle(addon);
        const privileged = verbs.privilegedChoices(bundle.document.parameters, params);
        if (privileged.length > 0 && flags.yes !== true) throw unconfirmedPrivilege(addon, privileged);
        const addonContext = await addonContextFor(context, flags.images);
        const result = await enableAddon(
          addonContext,
          cluster,
          { name: addon, params },
          { signal: context.signal, onProgress: progressPrinter(context), wait: flags.wait },
        );
        if (flags.output === 'json') context.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else context.stdout(formatEnabled(result, cluster));
      },
    );
  addons
    .command('disable')
    .description('disable an add-on, removing exactly what it installed')
    .argument('<cluster>', 'cluster name')
    .argument('<addon>', 'add-on name')
    .option('--yes', 'also delete the data the add-on holds (volumes, custom resources, registry images)')
    .option('--keep-data', 'disable but keep its data')
    .action(async (cluster: string, addon: string, flags: { yes?: boolean; keepData?: boolean }) => {
      const { disableAddon, addonContextFor, progressPrinter } = await loadAddonVerbs();
      const addonContext = await addonContextFor(context);
      await disableAddon(addonContext, cluster, addon, {
        signal: context.signal,
        onProgress: progressPrinter(context),
        yes: flags.yes,
        keepData: flags.keepData,
      });
      context.stdout(`add-on ${addon} disabled on cluster ${cluster}\n`);
    });
}

function unavailable(): never {
  throw new Error('no cluster given');
}

function formatStatuses(statuses: readonly AddonStatus[], withCluster: boolean): string {
  const rows = statuses.map((s) => [
    s.name,
    s.bundleVersion,
    withCluster ? (s.enabled ? (s.state ?? 'enabled') : '-') : '',
    s.displayName,
  ]);
  const header = ['NAME', 'VERSION', withCluster ? 'STATE' : '', 'DESCRIPTION'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
  return `${[header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

function formatEnabled(result: EnableResult, cluster: string): string {
  const lines = [
    `add-on ${result.name} ${result.version} enabled on cluster ${cluster}${result.ready ? '' : ' (not waited for)'}`,
  ];
  for (const output of result.outputs) lines.push(`  ${output.description}: ${output.value}`);
  return `${lines.join('\n')}\n`;
}
