import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClusterSpec } from '../../../main/spec/index.js';
import { runCliCaptured } from './run-cli.js';

const root = join(import.meta.dirname, '../../..');

describe('slipway import --from kind', () => {
  it('turns an exported kind config back into the spec it came from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-import-'));
    const exported = await runCliCaptured([
      'export',
      '-f',
      join(root, 'examples', 'multi-pool.yaml'),
      '--target',
      'kind',
      '-o',
      dir,
    ]);
    expect(exported.exitCode).toBe(0);
    const result = await runCliCaptured(['import', '--from', 'kind', join(dir, 'kind-config.yaml')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith('# Imported from kind config')).toBe(true);
    const spec = loadClusterSpec(result.stdout);
    expect(spec.spec.workers.map((pool) => [pool.name, pool.replicas])).toEqual([
      ['general', 2],
      ['gpu', 1],
      ['batch', 3],
    ]);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(
      /^import of .*kind-config\.yaml: 1 document, 0 errors, 0 warnings, 0 notes$/,
    );
  });

  it('writes the spec to -o FILE and reports dropped fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-import-'));
    const config = join(dir, 'kind.yaml');
    writeFileSync(
      config,
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: lab\nfeatureGates: {X: true}\nnodes:\n  - role: control-plane\n  - role: worker\n',
    );
    const out = join(dir, 'lab.yaml');
    const result = await runCliCaptured(['import', '--from', 'kind', config, '-o', out]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`wrote ${out}\n`);
    expect(loadClusterSpec(readFileSync(out, 'utf8')).metadata.name).toBe('lab');
    expect(result.stderr).toContain(
      'warning UNSUPPORTED_FIELD featureGates: featureGates is not part of a Slipway spec; it is dropped',
    );
  });

  it('turns a missing folder or a directory on -o into a usage error naming -o (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-import-'));
    const config = join(dir, 'kind.yaml');
    writeFileSync(config, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n');
    const missing = join(dir, 'no-such-folder', 'lab.yaml');
    const noFolder = await runCliCaptured(['import', '--from', 'kind', config, '-o', missing]);
    expect(noFolder.exitCode).toBe(2);
    expect(noFolder.stderr).toContain(`error: -o ${missing}: the folder it goes in does not exist\n`);
    mkdirSync(join(dir, 'lab.yaml'));
    const isDirectory = await runCliCaptured(['import', '--from', 'kind', config, '-o', join(dir, 'lab.yaml')]);
    expect(isDirectory.exitCode).toBe(2);
    expect(isDirectory.stderr).toContain(`error: -o ${join(dir, 'lab.yaml')}: is a directory\n`);
    expect(readdirSync(dir).sort()).toEqual(['kind.yaml', 'lab.yaml']);
  });

  it('replaces -o FILE whole, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-import-'));
    const config = join(dir, 'kind.yaml');
    writeFileSync(config, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: lab\n');
    const out = join(dir, 'lab.yaml');
    writeFileSync(out, 'old content that is much longer than the new spec will be, '.repeat(100));
    expect((await runCliCaptured(['import', '--from', 'kind', config, '-o', out])).exitCode).toBe(0);
    expect(loadClusterSpec(readFileSync(out, 'utf8')).metadata.name).toBe('lab');
    expect(readdirSync(dir).sort()).toEqual(['kind.yaml', 'lab.yaml']);
  });

  it('keeps the mode of the -o FILE it replaces, and makes new files 0644', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-import-'));
    const config = join(dir, 'kind.yaml');
    writeFileSync(config, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: lab\n');
    const private_ = join(dir, 'private.yaml');
    writeFileSync(private_, 'old\n', { mode: 0o600 });
    expect((await runCliCaptured(['import', '--from', 'kind', config, '-o', private_])).exitCode).toBe(0);
    expect(statSync(private_).mode & 0o777).toBe(0o600);
    const fresh = join(dir, 'fresh.yaml');
    expect((await runCliCaptured(['import', '--from', 'kind', config, '-o', fresh])).exitCode).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o644);
  });

  it('honours -o with --output json: the spec goes to FILE, the JSON with counts to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-import-'));
    const config = join(dir, 'kind.yaml');
    writeFileSync(config, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: lab\nfeatureGates: {X: true}\n');
    const out = join(dir, 'lab.yaml');
    const result = await runCliCaptured(['import', '--from', 'kind', config, '-o', out, '--output', 'json']);
    expect(result.exitCode).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      spec: { metadata: { name: string } };
      wrote: string;
      summary: object;
    };
    expect(parsed).toMatchObject({
      spec: { metadata: { name: 'lab' } },
      wrote: out,
      summary: { error: 0, warning: 1, info: 0 },
    });
    expect(loadClusterSpec(readFileSync(out, 'utf8')).metadata.name).toBe('lab');
  });

  it('exits 2 with every problem of an invalid kind config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-import-'));
    const config = join(dir, 'kind.yaml');
    writeFileSync(config, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha3\nnodes: [{role: boss}]\n');
    const result = await runCliCaptured(['import', '--from', 'kind', config]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${config}:2:13: apiVersion: apiVersion must be kind.x-k8s.io/v1alpha4`);
    expect(result.stderr).toContain('nodes[0].role: role must be control-plane or worker');
  });
});
