// Shared pieces of the engine e2e tests: prerequisites (skip loudly, fail under CI), the real
// CLI as a subprocess, what a cluster leaves behind, and restarting the Docker daemon.
import Docker from 'dockerode';
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { specAddonHooks } from '../../../main/addons/engine-hooks.js';
import { createDefaultEngine } from '../../../main/engine/index.js';
import type { ClusterSummary, Engine } from '../../../main/engine/types.js';
import type { ClusterSpec } from '../../../main/spec/index.js';
import { DEFAULT_RELEASE, hermeticImageOf } from '../../../main/spec/releases.js';
import { eventually } from '../eventually.js';

/** The e2e suite runs on the catalog's default release (docs/releases.md). */
export const NODE_IMAGE = hermeticImageOf(DEFAULT_RELEASE);
export const HAPROXY_IMAGE = 'localhost/slipway/haproxy:2.6-bookworm';
const root = join(import.meta.dirname, '../../..');
export const docker = new Docker();

export async function imageExists(ref: string): Promise<boolean> {
  return docker
    .getImage(ref)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

/** Why the engine e2e tests cannot run here, or undefined when they can. */
export async function missingPrerequisite(images: readonly string[] = [NODE_IMAGE]): Promise<string | undefined> {
  try {
    await docker.ping();
  } catch {
    return 'Docker is not reachable (start it with `dockerd`)';
  }
  for (const image of images)
    if (!(await imageExists(image))) return `the image ${image} is missing (npm run images:node)`;
  return undefined;
}

/** Skip loudly, or throw under CI so a missing prerequisite never passes silently. */
export function reportMissing(reason: string | undefined, suite: string): boolean {
  if (reason === undefined) return false;
  if (process.env.CI === 'true') throw new Error(`${suite}: prerequisite missing under CI: ${reason}`);
  console.warn(`\n*** SKIPPING ${suite}: ${reason} ***\n`);
  return true;
}

/** A unique cluster name for this run (names are global on the Docker host). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36).slice(-5)}`;
}

/** A private kubeconfig file, so tests never touch the user's. */
export function tempKubeconfig(): string {
  return join(mkdtempSync(join(tmpdir(), 'slipway-e2e-')), 'kubeconfig');
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The real CLI (`node bin/slipway.js`) as a subprocess, with extra environment. */
export function slipway(args: readonly string[], env: Record<string, string>, input?: string) {
  return execa('node', [join(root, 'bin/slipway.js'), ...args], {
    cwd: root,
    env,
    reject: false,
    ...(input === undefined ? {} : { input }),
  });
}

/** Run the CLI to completion (stdin from `input` when given). */
export async function run(args: readonly string[], env: Record<string, string>, input?: string): Promise<CliRun> {
  const result = await slipway(args, env, input);
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Everything Docker still holds for a cluster: containers, networks, the given volumes. */
export async function leftovers(cluster: string, volumes: readonly string[] = []): Promise<string[]> {
  const label = `dev.slipway.cluster=${cluster}`;
  const containers = await docker.listContainers({ all: true, filters: { label: [label] } });
  const networks = await docker.listNetworks({ filters: { label: [label] } });
  const left = [...containers.flatMap((c) => c.Names), ...networks.map((n) => `network ${n.Name}`)];
  for (const volume of volumes) {
    if (
      await docker
        .getVolume(volume)
        .inspect()
        .then(
          () => true,
          () => false,
        )
    )
      left.push(`volume ${volume}`);
  }
  return left;
}

/** Names of the anonymous volumes a cluster's containers use (to prove delete removes them). */
export async function clusterVolumes(cluster: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`dev.slipway.cluster=${cluster}`] } });
  const names: string[] = [];
  for (const c of containers) {
    const info = await docker.getContainer(c.Id).inspect();
    names.push(...info.Mounts.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name ?? ''));
  }
  return names;
}

/** Address of every container of a cluster on its network. */
export async function clusterAddresses(cluster: string): Promise<Record<string, string>> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`dev.slipway.cluster=${cluster}`] } });
  const result: Record<string, string> = {};
  for (const c of containers) {
    const info = await docker.getContainer(c.Id).inspect();
    result[info.Name.replace(/^\//, '')] = Object.values(info.NetworkSettings.Networks)[0]?.IPAddress ?? '';
  }
  return result;
}

export function engine(): Promise<Engine> {
  return createDefaultEngine({ specAddons: specAddonHooks });
}

/** Create a cluster; when that fails, keep its logs (path printed) before removing it. */
export async function createOrCollect(e: Engine, spec: ClusterSpec): Promise<ClusterSummary> {
  try {
    return await e.createCluster(spec, { retain: true });
  } catch (error) {
    const dir = mkdtempSync(join(tmpdir(), `slipway-e2e-logs-${spec.metadata.name}-`));
    await e.collectLogs(spec.metadata.name, dir).catch(() => undefined);
    console.warn(`\n*** create of ${spec.metadata.name} failed; logs in ${dir} ***\n`);
    await e.deleteCluster(spec.metadata.name).catch(() => undefined);
    throw error;
  }
}

/** Run kubectl in the cluster's control plane; throws with its stderr on failure. */
export async function kubectl(e: Engine, cluster: string, args: readonly string[], stdin?: string): Promise<string> {
  const result = await e.execInNode(cluster, {
    command: ['kubectl', '--kubeconfig=/etc/kubernetes/admin.conf', ...args],
    stdin,
  });
  if (result.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout;
}

interface DaemonProcess {
  pid: number;
  argv: string[];
}

/** The running dockerd: pid and command line, read from /proc. */
export function findDockerd(): DaemonProcess | undefined {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readlinkSync(`/proc/${entry}/exe`).endsWith('/dockerd')) continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
        .split('\0')
        .filter((a) => a !== '');
      return { pid: Number(entry), argv };
    } catch {
      // the process went away while we looked
    }
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Running containers that are not part of these clusters (restarting dockerd would kill them). */
export async function foreignContainers(ours: readonly string[]): Promise<string[]> {
  const running = await docker.listContainers();
  return running.filter((c) => !ours.includes(c.Labels['dev.slipway.cluster'] ?? '')).flatMap((c) => c.Names);
}

/** Why dockerd cannot be restarted by this test, or undefined. */
export function cannotRestartDockerd(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root';
  if (!findDockerd()) return 'no dockerd process on this host (remote engine?)';
  return undefined;
}

/** Stop dockerd (SIGTERM, wait for exit) and start it again with the same command line. */
export async function restartDockerd(log = '/var/log/dockerd.log'): Promise<void> {
  const daemon = findDockerd();
  if (!daemon) throw new Error('no dockerd process found');
  process.kill(daemon.pid, 'SIGTERM');
  const stopDeadline = Date.now() + 120_000;
  while (alive(daemon.pid)) {
    if (Date.now() > stopDeadline) throw new Error(`dockerd ${String(daemon.pid)} did not exit`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const [command = 'dockerd', ...args] = daemon.argv;
  const out = openSync(log, 'a');
  spawn(command, args, { detached: true, stdio: ['ignore', out, out] }).unref();
  await eventually('the Docker socket answers again', () => docker.ping().then(() => true), 60_000);
}
