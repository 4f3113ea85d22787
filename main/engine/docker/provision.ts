// Creating and starting one container of a cluster, then waiting until it has booted.
import type Docker from 'dockerode';
import { Cancelled, SlipwayError } from '../../errors.js';
import { sleep } from '../../lib/abortable-sleep.js';
import { Label } from '../labels.js';
import type { ClusterPlan, NodePlan } from '../plan/types.js';
import type { ProvisionOptions } from '../provider.js';
import { execInContainer } from './exec.js';
import { loadBalancerContainerOptions, nodeContainerOptions } from './run-args.js';
import { securityFlags } from './security-flags.js';
import { BOOT_PATTERN, waitForLogLine } from './wait-for-boot.js';

const BOOT_TIMEOUT_MS = 90_000;

export interface ProvisionRequest {
  plan: ClusterPlan;
  node: NodePlan;
  options: ProvisionOptions;
  libModules: boolean;
}

function createOptions(request: ProvisionRequest): Docker.ContainerCreateOptions {
  const { plan, node, options } = request;
  if (node.role === 'load-balancer')
    return loadBalancerContainerOptions({ plan, node, image: options.image, labels: options.labels });
  const labels = { ...options.labels, ...(options.security === 'fallback' ? { [Label.nonPrivileged]: 'true' } : {}) };
  const security = securityFlags(options.security, { libModules: request.libModules });
  return nodeContainerOptions({ plan, node, image: options.image, security, labels });
}

/** Create, start and (for Kubernetes nodes) wait for the node's boot line. */
export async function provisionContainer(docker: Docker, request: ProvisionRequest): Promise<void> {
  const { node, options } = request;
  if (options.signal?.aborted) throw new Cancelled(`cancelled before ${node.name} was created`);
  const container = await docker.createContainer(createOptions(request));
  await container.start();
  if (node.role === 'load-balancer') return;
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  await waitForLogLine(container, BOOT_PATTERN, {
    timeoutMs: BOOT_TIMEOUT_MS,
    signal: options.signal,
    what: node.name,
  });
  await waitForSystemd(container, { deadline, signal: options.signal, what: node.name });
}

/** Poll until systemd finished booting (kubeadm restarts units through it). */
export async function waitForSystemd(
  container: Docker.Container,
  options: { deadline: number; signal?: AbortSignal; what: string },
): Promise<void> {
  let last = '';
  while (Date.now() < options.deadline) {
    const result = await execInContainer(container, ['systemctl', 'is-system-running', '--wait'], {
      privileged: false,
      signal: options.signal,
    });
    last = `${result.stdout.toString()}${result.stderr.toString()}`.trim();
    // "degraded" still means boot finished; some units have no business in a container.
    if (/^(running|degraded)$/m.test(last)) return;
    await sleep(200, options.signal);
  }
  throw new SlipwayError(`${options.what}: systemd did not finish booting (${last || 'no answer'})`);
}
