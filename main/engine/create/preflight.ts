// Step "preflight": every refusal happens here, before any container of the cluster exists.
// It also makes the choices the plan needs (image, subnet, API port, privileges).
import { SpecInvalid, SlipwayError } from '../../errors.js';
import { validateClusterSpecValue, type ClusterSpec } from '../../spec/index.js';
import { pickFreePort } from '../host-ports.js';
import { parseKubeVersion, type KubeVersion } from '../kubeadm/version.js';
import { Label } from '../labels.js';
import { chooseLoadBalancerImage, chooseNodeImage, type ImageLookup } from '../node-image.js';
import { planCluster } from '../plan/plan-cluster.js';
import { chooseSubnet } from '../../lib/subnet.js';
import type { Provider } from '../provider.js';
import type { CreateOptions, SpecAddonHooks } from '../types.js';
import type { Prepared } from './context.js';
import type { Step } from './pipeline.js';
import {
  assertAddonsInstallable,
  assertDiskSpace,
  assertNameFree,
  assertPlannable,
  assertPortsFree,
  assertVersion,
} from './preflight-checks.js';
import { createStepName } from './steps.js';

export interface PreflightContext {
  spec: ClusterSpec;
  options: CreateOptions;
  provider: Provider;
  specAddons?: SpecAddonHooks;
  signal: AbortSignal;
  log: (message: string) => void;
  now: () => Date;
}

/** The engine accepts only specs that pass the same validation as `slipway validate`. */
function revalidate(spec: ClusterSpec): ClusterSpec {
  const result = validateClusterSpecValue(spec);
  if (!result.ok) throw new SpecInvalid(result.problems, { source: `cluster "${spec.metadata.name}"` });
  return result.spec;
}

function lookupFor(context: PreflightContext): ImageLookup {
  return {
    present: (ref) => context.provider.imagePresent(ref),
    // Our hermetic images live only on this host: never ask a registry for them.
    pull: async (ref) => {
      if (ref.startsWith('localhost/')) return false;
      context.log(`pulling ${ref}`);
      return context.provider.pullImage(ref, context.signal);
    },
  };
}

async function pickSubnet(context: PreflightContext, spec: ClusterSpec): Promise<string> {
  const inUse = [
    ...(await context.provider.subnetsInUse()),
    spec.spec.networking.podSubnet,
    spec.spec.networking.serviceSubnet,
  ];
  const subnet = chooseSubnet(spec.metadata.name, inUse);
  if (!subnet)
    throw new SlipwayError('no free /24 left in 172.18.0.0-172.31.255.0 for the cluster network', {
      hint: 'remove unused Docker networks (docker network prune)',
    });
  return subnet;
}

interface ImageDecision {
  nodeImage: string;
  loadBalancerImage?: string;
  version: KubeVersion;
}

/** Node image (and LB image for HA) with the Kubernetes version the node image carries. */
async function resolveImages(
  context: PreflightContext,
  spec: ClusterSpec,
  needsLoadBalancer: boolean,
): Promise<ImageDecision> {
  const lookup = lookupFor(context);
  const image = await chooseNodeImage({
    flag: context.options.image,
    spec: spec.spec.nodeImage,
    kubernetesVersion: spec.spec.kubernetesVersion,
    lookup,
  });
  context.log(`node image ${image.ref}: ${image.reason}`);
  const facts = await context.provider.imageFacts(image.ref);
  const version = parseKubeVersion(facts.kubernetesVersion);
  if (!version) throw new SlipwayError(`${image.ref} has an unreadable /kind/version: "${facts.kubernetesVersion}"`);
  assertVersion(spec, image.ref, version, context.now());
  const loadBalancerImage = needsLoadBalancer ? await chooseLoadBalancerImage(image, lookup) : undefined;
  return { nodeImage: image.ref, loadBalancerImage, version };
}

async function prepare(context: PreflightContext): Promise<Prepared> {
  const spec = revalidate(context.spec);
  assertPlannable(spec);
  await assertAddonsInstallable(spec, context.specAddons);
  const host = await context.provider.hostInfo();
  const draft = planCluster(spec, { subnet: '172.18.0.0/24', apiServerPort: spec.spec.networking.apiServerPort });
  await assertNameFree(context.provider, draft);
  await assertPortsFree(spec);
  await assertDiskSpace(host.dataRoot, draft.controlPlanes.length + draft.workers.length);
  const images = await resolveImages(context, spec, draft.loadBalancer !== undefined);
  const security = await context.provider.probeSecurity(images.nodeImage);
  context.log(
    security === 'privileged'
      ? 'nodes run --privileged'
      : 'nodes run with the non-privileged fallback flag set (--privileged is refused here)',
  );
  const apiServerPort =
    spec.spec.networking.apiServerPort || (await pickFreePort(spec.spec.networking.apiServerAddress));
  const plan = planCluster(spec, { subnet: await pickSubnet(context, spec), apiServerPort });
  const labels = {
    [Label.kubernetesVersion]: images.version.raw,
    [Label.nodeImage]: images.nodeImage,
    [Label.createdAt]: context.now().toISOString(),
  };
  return { plan, ...images, security, host, labels };
}

export const preflight: Step<PreflightContext, Prepared> = {
  ...createStepName('preflight'),
  run: prepare,
};
