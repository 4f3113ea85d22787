// `slipway dashboard NAME`: prints the dashboard's URL and a freshly minted login token, and
// keeps a loopback port-forward open until Ctrl-C (or prints the ingress URL with --no-port-forward).
import type { Command } from 'commander';
import { NotFound } from '../../errors.js';
import { forwardServicePort, loadBundle, mintServiceAccountToken, renderBundle } from '../../addons/index.js';
import { readInventory } from '../../addons/inventory.js';
import { kubeClientsFromKubeconfig } from '../../addons/kube-clients.js';
import { addonContextFor } from '../addon-context.js';
import type { CliContext } from '../context.js';

/** Register `slipway dashboard`. */
export function registerDashboard(program: Command, context: CliContext): void {
  program
    .command('dashboard')
    .description('print the dashboard URL and a login token (keeps a port-forward open until Ctrl-C)')
    .argument('<cluster>', 'cluster name')
    .option('--port <port>', 'local port for the port-forward (default: any free port)', (v) => Number(v), 0)
    .option('--no-port-forward', 'print the ingress URL and a token, then exit')
    .action(async (cluster: string, flags: { port: number; portForward: boolean }) => {
      const addonContext = await addonContextFor(context);
      const clients = kubeClientsFromKubeconfig(await addonContext.engine.kubeconfig(cluster));
      const inventory = await readInventory(clients, 'dashboard');
      if (!inventory)
        throw new NotFound(`the dashboard add-on is not enabled on cluster "${cluster}"`, {
          hint: `enable it with slipway addons enable ${cluster} dashboard`,
        });
      const bundle = await loadBundle('dashboard');
      const rendered = renderBundle({
        bundle,
        params: inventory.params,
        clusterName: cluster,
        enabledAddons: ['dashboard', ...(await ingressEnabled(clients))],
      });
      const tokenOutput = rendered.outputs.find((o) => 'token' in o);
      const token =
        tokenOutput && 'token' in tokenOutput
          ? await mintServiceAccountToken(
              clients,
              tokenOutput.token.serviceAccount,
              tokenOutput.token.expirationSeconds,
            )
          : '';
      const ingressUrl = rendered.outputs.find((o) => 'url' in o);
      if (ingressUrl && 'url' in ingressUrl) context.stdout(`url (ingress): ${ingressUrl.url}\n`);
      const forward = rendered.outputs.find((o) => 'portForward' in o);
      if (!flags.portForward || !forward || !('portForward' in forward)) {
        context.stdout(`token: ${token}\n`);
        return;
      }
      const open = await forwardServicePort(
        clients,
        { namespace: forward.portForward.service.namespace, name: forward.portForward.service.name },
        forward.portForward.port,
        flags.port,
      );
      context.stdout(`url: ${open.url}\ntoken: ${token}\n`);
      context.stderr('forwarding; press Ctrl-C to stop\n');
      await new Promise<void>((resolve) => {
        if (context.signal.aborted) resolve();
        context.signal.addEventListener(
          'abort',
          () => {
            resolve();
          },
          { once: true },
        );
      });
      await open.close();
    });
}

async function ingressEnabled(clients: ReturnType<typeof kubeClientsFromKubeconfig>): Promise<string[]> {
  return (await readInventory(clients, 'ingress')) ? ['ingress'] : [];
}
