import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/types.js';
import { loadClusterSpec } from '../../../main/spec/index.js';
import { hasControlCharacters } from '../../../main/spec/quote.js';
import { runCliCaptured } from './run-cli.js';

const root = join(import.meta.dirname, '../../..');
const example = (file: string) => join(root, 'examples', file);
const siteFile = join(root, 'docs', 'export-site.yaml');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'slipway-export-'));
}

/** A valid spec with five control planes, which VKS refuses (it allows 1 or 3). */
function fiveControlPlaneSpec(): string {
  const spec = join(tempDir(), 'five.yaml');
  writeFileSync(
    spec,
    'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: five}\nspec:\n  controlPlane: {replicas: 5}\n',
  );
  return spec;
}

/** An engine that only knows one recorded spec of a stopped cluster; any other call fails the test. */
function engineWithRecordedSpec(name: string, specFile: string): Engine {
  const spec = loadClusterSpec(readFileSync(specFile, 'utf8'));
  const methods: Record<string, unknown> = {
    recordedSpec: (asked: string) => Promise.resolve(asked === name ? spec : undefined),
    getCluster: () => Promise.resolve({ state: 'stopped' }),
  };
  const handler: ProxyHandler<object> = {
    // 'then' stays undefined so the engine is not mistaken for a promise.
    get: (_target, property) =>
      typeof property === 'string' && property in methods
        ? methods[property]
        : property === 'then'
          ? undefined
          : () => Promise.reject(new Error(`Engine.${String(property)} is not expected in this test`)),
  };
  return new Proxy({}, handler) as Engine;
}

describe('slipway export', () => {
  it('prints YAML documents on stdout, issues and a summary on stderr', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('multi-pool.yaml'),
      '--target',
      'capi',
      '--site',
      siteFile,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith('# ===== cluster.yaml: Cluster API v1beta2 Cluster')).toBe(true);
    const documents = parseAllDocuments(result.stdout).map((document) => document.toJS() as { kind: string });
    expect(documents.map((document) => document.kind)).toEqual(['Cluster']);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContain(
      'warning FEATURE_GATE_REQUIRED spec.workers[1].taints: taints of pool "gpu" are exported as topology taints, which need Cluster API ≥ 1.13 with the MachineTaintPropagation feature gate; otherwise set them with a KubeadmConfigTemplate patch in the ClusterClass that sets spec.template.spec.joinConfiguration.nodeRegistration.taints for this pool',
    );
    expect(lines.at(-1)).toMatch(/^export of shop-dev to capi: 1 document, 0 errors, \d+ warnings, \d+ notes?$/);
    const warnings = lines.filter((line) => line.startsWith('warning ')).length;
    expect(lines.at(-1)).toContain(`${String(warnings)} warnings`);
  });

  it('separates commands and JSON with comment headers', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('minimal.yaml'),
      '--target',
      'gke',
      '--site',
      siteFile,
    ]);
    expect(result.exitCode).toBe(0);
    const headers = result.stdout.split('\n').filter((line) => line.startsWith('# ===== '));
    expect(headers.map((line) => line.split(':')[0])).toEqual([
      '# ===== create-cluster-request.json',
      '# ===== create-cluster.sh',
      '# ===== main.tf.json',
    ]);
  });

  it('refuses missing site inputs with exit 2, naming every key', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('minimal.yaml'),
      '--target',
      'vks',
      '--set',
      'vks.vmClass=best-effort-small',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'error: export to vks needs site inputs: vks.namespace, vks.storageClass, vks.release\n',
    );
    expect(result.stderr).toContain('hint: ');
  });

  it('refuses an export with other errors, exit 2', async () => {
    const spec = fiveControlPlaneSpec();
    const result = await runCliCaptured(['export', '-f', spec, '--target', 'vks', '--site', siteFile]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error ODD_CONTROL_PLANE spec.controlPlane.replicas');
    expect(result.stderr).toContain('error: export to vks refused: 1 error (listed above)');
  });

  it('prints documents and issues as one JSON object with --output json', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('ha.yaml'),
      '--target',
      'tkgi',
      '--site',
      siteFile,
      '--output',
      'json',
    ]);
    expect(result.exitCode).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      target: string;
      documents: { file: string }[];
      issues: { code: string }[];
      missingSiteInputs: string[];
    };
    expect(parsed.target).toBe('tkgi');
    expect(parsed.documents.map((document) => document.file)).toEqual([
      'create-cluster.sh',
      'create-cluster-request.json',
      'compute-profile.json',
    ]);
    expect(parsed.issues.map((issue) => issue.code)).toContain('VALUE_FIXED_BY_PLATFORM');
    expect(parsed.missingSiteInputs).toEqual([]);
  });

  it('counts issues by severity in the JSON summary', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('multi-pool.yaml'),
      '--target',
      'gke',
      '--site',
      siteFile,
      '--output',
      'json',
    ]);
    const parsed = JSON.parse(result.stdout) as {
      issues: { severity: 'error' | 'warning' | 'info' }[];
      summary: Record<string, number>;
    };
    const count = (severity: string) => parsed.issues.filter((issue) => issue.severity === severity).length;
    expect(parsed.summary).toEqual({ error: 0, warning: count('warning'), info: count('info') });
    expect(parsed.summary.warning).toBeGreaterThan(0);
  });

  it('prints JSON and exits 2 when site inputs are missing with --output json', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('minimal.yaml'),
      '--target',
      'gke',
      '--output',
      'json',
    ]);
    expect(result.exitCode).toBe(2);
    const parsed = JSON.parse(result.stdout) as { missingSiteInputs: string[]; summary: { error: number } };
    expect(parsed.missingSiteInputs).toEqual(['gke.project', 'gke.location']);
    expect(parsed.summary.error).toBe(2);
    // The refusal is on stderr too, so a script that only shows stderr still says why.
    expect(result.stderr).toContain('error REQUIRES_SITE_INPUT gke.project: ');
    expect(result.stderr).toContain('error: export to gke needs site inputs: gke.project, gke.location\n');
  });

  it('still prints the refusal on stderr for other errors with --output json', async () => {
    const spec = fiveControlPlaneSpec();
    const result = await runCliCaptured([
      'export',
      '-f',
      spec,
      '--target',
      'vks',
      '--site',
      siteFile,
      '--output',
      'json',
    ]);
    expect(result.exitCode).toBe(2);
    expect((JSON.parse(result.stdout) as { summary: { error: number } }).summary.error).toBe(1);
    expect(result.stderr).toContain('error ODD_CONTROL_PLANE spec.controlPlane.replicas');
    expect(result.stderr).toContain('error: export to vks refused: 1 error (listed above)');
  });

  it('writes one file per document with -o DIR', async () => {
    const dir = join(tempDir(), 'out');
    const result = await runCliCaptured([
      'export',
      '-f',
      example('multi-pool.yaml'),
      '--target',
      'tkgi',
      '--site',
      siteFile,
      '-o',
      dir,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(
      ['create-cluster.sh', 'create-cluster-request.json', 'compute-profile.json'].map(
        (file) => `wrote ${join(dir, file)}`,
      ),
    );
    expect(statSync(join(dir, 'create-cluster.sh')).mode & 0o111).not.toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'compute-profile.json'), 'utf8'))).toMatchObject({
      name: 'shop-dev-profile',
    });
  });

  it('writes the files and prints only JSON with -o DIR --output json', async () => {
    const dir = join(tempDir(), 'out');
    const result = await runCliCaptured([
      'export',
      '-f',
      example('ha.yaml'),
      '--target',
      'kind',
      '-o',
      dir,
      '--output',
      'json',
    ]);
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.stdout) as { target: string }).target).toBe('kind');
    expect(readFileSync(join(dir, 'kind-config.yaml'), 'utf8')).toContain('name: ha-demo');
  });

  it('reads a cluster spec through the engine with --cluster', async () => {
    const createEngine = () => Promise.resolve(engineWithRecordedSpec('shop', example('ha.yaml')));
    const result = await runCliCaptured(['export', '--cluster', 'shop', '--target', 'kind'], { createEngine });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('name: ha-demo');
    expect(result.stderr).toContain(
      'note: cluster "shop" is stopped, so the add-ons exported are those it was created with; start it to export the add-ons it runs\n',
    );
    const missing = await runCliCaptured(['export', '--cluster', 'other', '--target', 'kind'], { createEngine });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('cluster "other" has no recorded spec');
  });

  it('returns the engine error for --cluster when no engine can be made', async () => {
    const createEngine = () => Promise.reject(new Error('the cluster engine is not available yet'));
    const result = await runCliCaptured(['export', '--cluster', 'shop', '--target', 'capi'], { createEngine });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('the cluster engine is not available yet');
  });

  it('wants exactly one of -f and --cluster, and options that fit the target', async () => {
    expect((await runCliCaptured(['export', '--target', 'kind'])).exitCode).toBe(2);
    const both = await runCliCaptured(['export', '-f', example('ha.yaml'), '--cluster', 'x', '--target', 'kind']);
    expect(both.stderr).toContain('give exactly one of -f FILE or --cluster NAME');
    const wrong = await runCliCaptured(['export', '-f', example('ha.yaml'), '--target', 'gke', '--legacy-tkc']);
    expect(wrong).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--legacy-tkc applies to --target vks') as string,
    });
    expect((await runCliCaptured(['export', '-f', example('ha.yaml'), '--target', 'eks'])).exitCode).toBe(2);
  });

  it('reports an invalid site file with its path and line', async () => {
    const dir = tempDir();
    const site = join(dir, 'site.yaml');
    writeFileSync(site, 'gke:\n  project: Bad Project\n');
    const result = await runCliCaptured(['export', '-f', example('minimal.yaml'), '--target', 'gke', '--site', site]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${site}:2:12: gke.project: gke.project must be a project ID`);
  });

  it('reports a site file that is not a mapping at its first line', async () => {
    const site = join(tempDir(), 'site.yaml');
    writeFileSync(site, '- gke\n');
    const result = await runCliCaptured(['export', '-f', example('minimal.yaml'), '--target', 'gke', '--site', site]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`  ${site}:1:1: a site file must be a mapping`);
  });

  it('blames a bad --set value on its own argument, not on the site file', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('minimal.yaml'),
      '--target',
      'gke',
      '--site',
      siteFile,
      '--set',
      'gke.releaseChannel=FAST',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'error: --set gke.releaseChannel=FAST: gke.releaseChannel must be RAPID, REGULAR, STABLE or EXTENDED\n',
    );
    expect(result.stderr).not.toContain('export-site.yaml');
  });

  it('lists every bad --set value, each with its argument', async () => {
    const result = await runCliCaptured([
      'export',
      '-f',
      example('minimal.yaml'),
      '--target',
      'vks',
      '--set',
      'vks.vmClasses=x',
      '--set',
      'vks.namespace=Team_A',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      [
        'error: bad --set values:',
        '  --set vks.vmClasses=x: vks.vmClasses is a size table (a list of {name, cpus, memory}) and cannot be given with --set; put it in the site file (--site FILE)',
        "  --set vks.namespace=Team_A: a namespace must be a DNS-1123 label: lower-case letters, digits and '-'",
      ].join('\n'),
    );
    expect(result.stderr).not.toContain('is required');
  });
});

describe('control characters in flags never reach the terminal raw', () => {
  it.each([
    ['a --set value', ['--set', 'vks.vmClass=\u001b[31mRED\u0007']],
    ['a --set key', ['--set', 'vks.\u001b]0;title\u0007=x']],
    ['a malformed --set with a line break', ['--set', 'novalue\nerror: forged line']],
    ['a --target', ['--target', 'k\u001b[2Jind']],
  ])('escapes %s in the error', async (_what, flags) => {
    const result = await runCliCaptured(['export', '-f', example('minimal.yaml'), '--target', 'vks', ...flags]);
    expect(result.exitCode).toBe(2);
    expect(hasControlCharacters(result.stderr.replaceAll('\n', ''))).toBe(false);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error:'))).toHaveLength(1);
  });
});
