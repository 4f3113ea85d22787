// The work behind `slipway dashboard`, loaded only when that verb runs (it needs the
// Kubernetes client, which is slow to load).
import { NotFound } from '../../errors.js';
import { forwardServicePort, loadBundle, mintServiceAccountToken, renderBundle } from '../../addons/index.js';
import { readInventory } from '../../addons/inventory.js';
import { kubeClientsFromKubeconfig } from '../../addons/kube-clients.js';
import { addonContextFor } from '../addon-context.js';
import type { CliContext } from '../context.js';

export interface DashboardFlags {
  port: number;
  portForward: boolean;
}

/** Print the URL and a token; with a port-forward, hold it open until Ctrl-C. */
export async function runDashboard(context: CliContext, cluster: string, flags: DashboardFlags): Promise<void> {
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
      ? await mintServiceAccountToken(clients, tokenOutput.token.serviceAccount, tokenOutput.token.expirationSeconds)
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
}

async function ingressEnabled(clients: ReturnType<typeof kubeClientsFromKubeconfig>): Promise<string[]> {
  return (await readInventory(clients, 'ingress')) ? ['ingress'] : [];
}
