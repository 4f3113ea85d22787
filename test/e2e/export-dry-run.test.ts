// Server-side dry run of exported Cluster API documents against a real local cluster with the
// Cluster API v1.14 CRDs installed: the API server validates them against the CRDs' schemas
// and CEL rules, as a management cluster would. Driven through the real CLI (create, kubectl,
// export, delete). Missing prerequisites skip loudly, and fail when CI=true.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { execa } from 'execa';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const schemasDir = join(process.env.SLIPWAY_SHARED_DIR ?? join(root, '..', 'shared'), 'schemas');
const NODE_IMAGE = process.env.SLIPWAY_E2E_NODE_IMAGE ?? 'localhost/slipway/node:v1.34.4';
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
  return execa('node', [join(root, 'bin', 'slipway.js'), ...args], {
    cwd: root,
    reject: false,
    ...(input !== undefined && { input }),
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

/** The exported Kubernetes objects, without kinds that have no CRD here. */
async function exported(args: string[]): Promise<{ text: string; kinds: string[] }> {
  const result = await slipway(['export', ...args, '--site', SITE]);
  expect(result.exitCode, result.stderr).toBe(0);
  const objects = parseAllDocuments(result.stdout).map((document) => document.toJS() as { kind: string });
  const kept = objects.filter((object) => !WITHOUT_CRD.has(object.kind));
  return { text: kept.map((object) => stringify(object)).join('---\n'), kinds: kept.map((object) => object.kind) };
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

  describe.each(examples)('%s', (example) => {
    it.each(variants)('%s is accepted', async (_name, args) => {
      const { text, kinds } = await exported(['-f', join('examples', example), ...args]);
      expect(kinds).toContain('Cluster');
      const result = await kubectl(['apply', '--dry-run=server', '-f', '-'], text);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n')).toHaveLength(kinds.length);
      expect(result.stdout).toContain('(server dry run)');
    });
  });

  it('rejects a broken Cluster (the dry run validates)', async () => {
    const { text } = await exported(['-f', join('examples', 'multi-pool.yaml'), '--target', 'capi']);
    const broken = text.replace('effect: NoSchedule', 'effect: NoSchedul');
    expect(broken).not.toBe(text);
    const result = await kubectl(['apply', '--dry-run=server', '-f', '-'], broken);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/NoSchedul/);
  });
});
