// Server-side dry run of exported Cluster API documents against a real local cluster with the
// Cluster API v1.14 CRDs installed: the API server validates them against the CRDs' schemas
// and CEL rules, as a management cluster would. Driven through the real CLI: create, kubectl
// and delete through bin/slipway.js, export in-process through the same CLI code. Missing
// prerequisites skip loudly, and fail when CI=true.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { execa } from 'execa';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run.js';
import { DEFAULT_RELEASE, hermeticImageOf } from '../../main/spec/releases.js';

const root = join(import.meta.dirname, '../..');
const schemasDir = join(process.env.SLIPWAY_SHARED_DIR ?? join(root, '..', 'shared'), 'schemas');
const NODE_IMAGE = process.env.SLIPWAY_E2E_NODE_IMAGE ?? hermeticImageOf(DEFAULT_RELEASE);
const CLUSTER = 'e2e-export';
const SITE = join(root, 'docs', 'export-site.yaml');
const CRDS = [
  'capi-v1.14.0-cluster.x-k8s.io_clusters.yaml',
  'capi-v1.14.0-addons.cluster.x-k8s.io_clusterresourcesets.yaml',
];
// No HelmChartProxy CRD is vendored; those objects are checked against its JSON Schema in unit tests.
const WITHOUT_CRD = new Set(['HelmChartProxy']);

/** Run the real CLI. */
function slipway(args: string[], input?: string) {
  // Without input, standard input is closed: `slipway kubectl` forwards an open pipe to the
  // node and kubectl would wait on it.
  return execa('node', [join(root, 'bin', 'slipway.js'), ...args], {
    cwd: root,
    reject: false,
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
  });
}

async function missingPrerequisite(): Promise<string | undefined> {
  const docker = new Docker();
  if (
    !(await docker.ping().then(
      () => true,
      () => false,
    ))
  )
    return 'Docker is not reachable';
  const hasImage = await docker
    .getImage(NODE_IMAGE)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (!hasImage) return `the node image ${NODE_IMAGE} is missing (npm run images:node builds it)`;
  for (const crd of CRDS) {
    try {
      readFileSync(join(schemasDir, 'crds', crd));
    } catch {
      return `the Cluster API CRDs are missing from ${schemasDir}/crds (set SLIPWAY_SHARED_DIR)`;
    }
  }
  return undefined;
}

function reportMissing(reason: string | undefined): boolean {
  if (reason === undefined) return false;
  if (process.env.CI === 'true') throw new Error(`export dry-run e2e: prerequisite missing under CI: ${reason}`);
  console.warn(`\n*** SKIPPING export dry-run e2e: ${reason} ***\n`);
  return true;
}

/** `kubectl` in the cluster, through the real CLI; input goes to kubectl's standard input. */
async function kubectl(args: string[], input?: string) {
  const result = await slipway(['kubectl', CLUSTER, '--', ...args], input);
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The exported Kubernetes objects of one CLI run (in-process), without kinds that have no CRD here. */
async function exported(args: string[]): Promise<{ text: string; names: string[] }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(['export', ...args, '--site', SITE], {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  });
  expect(exitCode, stderr).toBe(0);
  const objects = parseAllDocuments(stdout).map(
    (document) => document.toJS() as { kind: string; metadata: { name: string } },
  );
  const kept = objects.filter((object) => !WITHOUT_CRD.has(object.kind));
  return {
    text: kept.map((object) => stringify(object)).join('---\n'),
    names: kept.map((object) => `${object.kind.toLowerCase()}.*/${object.metadata.name}`),
  };
}

const skip = reportMissing(await missingPrerequisite());
const examples = readdirSync(join(root, 'examples'))
  .filter((file) => file.endsWith('.yaml'))
  .sort();

describe.skipIf(skip)('exports pass a server-side dry run', () => {
  beforeAll(async () => {
    await slipway(['delete', CLUSTER]);
    const spec = stringify({
      apiVersion: 'slipway.dev/v1alpha1',
      kind: 'Cluster',
      metadata: { name: CLUSTER },
      spec: { workers: [] },
    });
    const created = await slipway(['create', '-f', '-', '--image', NODE_IMAGE], spec);
    expect(created.exitCode, created.stderr).toBe(0);
    const crds = CRDS.map((file) => readFileSync(join(schemasDir, 'crds', file), 'utf8')).join('\n---\n');
    const applied = await kubectl(['apply', '--server-side', '-f', '-'], crds);
    expect(applied.exitCode, applied.stderr).toBe(0);
    const established = await kubectl([
      'wait',
      '--for=condition=Established',
      '--timeout=120s',
      'crd/clusters.cluster.x-k8s.io',
      'crd/clusterresourcesets.addons.cluster.x-k8s.io',
    ]);
    expect(established.exitCode, established.stderr).toBe(0);
    for (const namespace of ['team-a', 'team-a-vsphere-ns']) {
      const made = await kubectl(['create', 'namespace', namespace]);
      expect(made.exitCode, made.stderr).toBe(0);
    }
  });

  afterAll(async () => {
    if (process.env.SLIPWAY_E2E_KEEP !== '1') await slipway(['delete', CLUSTER]);
  });

  const variants: [string, string[]][] = [
    ['capi v1beta2', ['--target', 'capi']],
    ['capi v1beta1', ['--target', 'capi', '--api-version', 'v1beta1']],
    ['vks v1beta1', ['--target', 'vks']],
    ['vks v1beta2', ['--target', 'vks', '--api-version', 'v1beta2']],
  ];

  // One dry run per variant with every example in it: each object must be reported accepted.
  it.each(variants)('%s exports of every example are accepted', async (_name, args) => {
    const exports = await Promise.all(
      examples.map((example) => exported(['-f', join(root, 'examples', example), ...args])),
    );
    const names = exports.flatMap((found) => found.names);
    expect(names.filter((name) => name.startsWith('cluster.'))).toHaveLength(examples.length);
    const result = await kubectl(
      ['apply', '--dry-run=server', '-f', '-'],
      exports.map((found) => found.text).join('---\n'),
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const accepted = result.stdout.trim().split('\n');
    expect(accepted).toHaveLength(names.length);
    for (const name of names)
      expect(
        accepted.some((line) => new RegExp(`^${name} created \\(server dry run\\)$`).test(line)),
        name,
      ).toBe(true);
  });

  it('rejects a broken Cluster (the dry run validates)', async () => {
    const { text } = await exported(['-f', join(root, 'examples', 'multi-pool.yaml'), '--target', 'capi']);
    const broken = text.replace('effect: NoSchedule', 'effect: NoSchedul');
    expect(broken).not.toBe(text);
    const result = await kubectl(['apply', '--dry-run=server', '-f', '-'], broken);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/NoSchedul/);
  });
});
