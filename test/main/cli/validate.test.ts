import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../main/cli/print-error.js';
import { runCliCaptured } from './run-cli.js';

const root = join(import.meta.dirname, '../../..');
const valid = join(root, 'test/main/spec/testdata/valid-full.yaml');

function writeTemp(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-cli-')), 'spec.yaml');
  writeFileSync(file, content);
  return file;
}

describe('slipway validate', () => {
  it('accepts a valid spec with exit 0', async () => {
    const result = await runCliCaptured(['validate', '-f', valid]);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('valid (cluster "full")');
  });

  it('prints every problem on its own line with file, position and path, exit 2', async () => {
    const file = writeTemp(
      'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo}\nspec:\n  controlPlane: {replicas: 2}\n  workers: [{name: a, taints: [{key: k, effect: Nope}]}]\n',
    );
    const result = await runCliCaptured(['validate', '-f', file]);
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(`error: ${file}: invalid (2 problems)`);
    expect(lines[1]).toBe(
      `  ${file}:5:28: spec.controlPlane.replicas: control-plane replicas must be 1, 3 or 5 (an odd number keeps etcd quorum)`,
    );
    expect(lines[2]).toMatch(/:6:\d+: spec\.workers\[0\]\.taints\[0\]\.effect: effect must be one of/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace without --verbose
  });

  it('prints problems as JSON with --output json, exit 2', async () => {
    const file = writeTemp('apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: Bad_Name}\n');
    const result = await runCliCaptured(['validate', '-f', file, '--output', 'json']);
    expect(result.exitCode).toBe(2);
    const body = JSON.parse(result.stdout) as { valid: boolean; problems: { path: string; line: number }[] };
    expect(body.valid).toBe(false);
    expect(body.problems).toEqual([expect.objectContaining({ path: 'metadata.name', line: 3 })]);
  });

  it('prints the defaulted spec as JSON when valid', async () => {
    const result = await runCliCaptured([
      'validate',
      '-f',
      join(root, 'test/main/spec/testdata/valid-minimal.yaml'),
      '--output',
      'json',
    ]);
    expect(result.exitCode).toBe(0);
    const body = JSON.parse(result.stdout) as { valid: boolean; spec: { spec: { workers: unknown[] } } };
    expect(body.valid).toBe(true);
    expect(body.spec.spec.workers).toHaveLength(1);
  });

  it.each([
    [['validate'], /required option '-f, --file <file>'/],
    [['validate', '-f', '/nonexistent/spec.yaml'], /--file \/nonexistent\/spec.yaml: no such file/],
    [['validate', '-f', valid, '--output', 'xml'], /argument 'xml' is invalid/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('refuses bad usage %j with one line and exit 2', async (argv, message) => {
    const result = await runCliCaptured(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('puts a space after the file name of a problem with no position', async () => {
    const file = writeTemp('a: 1\n---\nb: 2\n');
    const result = await runCliCaptured(['validate', '-f', file]);
    expect(result.stderr.split('\n')[1]).toBe(
      `  ${file}: the file holds 2 YAML documents; put one document in each file`,
    );
  });

  it("checks each add-on's parameters and cluster requirements against its bundle", async () => {
    const file = writeTemp(
      'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo}\nspec:\n  addons:\n    - {name: registry, params: {hostPort: 80}}\n    - {name: ingress}\n  portMappings: [{hostPort: 8443, containerPort: 443}]\n',
    );
    const result = await runCliCaptured(['validate', '-f', file]);
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[1]).toBe(`  ${file}:6:43: spec.addons[0].params.hostPort: must be >= 1024`);
    expect(lines[2]).toMatch(/:7:14: spec\.addons\[1\]\.name: add-on "ingress" needs spec\.portMappings/);
  });

  it('keeps every problem on one line whatever the document holds', async () => {
    const file = writeTemp(
      'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo}\nspec:\n  workers: [{name: a, labels: {"k\\nerror: forged": "\\e[2J"}}]\n',
    );
    const result = await runCliCaptured(['validate', '-f', file]);
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.startsWith(`  ${file}:5:`))).toBe(true);
    expect(result.stderr).not.toContain('\u001b');
  });

  it.each([
    [[], 'is a directory, not a file'],
    [['big'], 'is larger than 1 MiB'],
  ])('refuses a directory or an oversized file as usage, exit 2 (%j)', async (name, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-cli-'));
    const path = join(dir, ...name);
    if (name.length > 0) writeFileSync(path, `# ${'x'.repeat(1024 * 1024)}\n`);
    const result = await runCliCaptured(['validate', '-f', path]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `error: --file ${path}: ${reason}\nhint: pass the path of a cluster spec YAML file to --file\n`,
    );
  });

  it('never crashes on binary input', async () => {
    const file = writeTemp('\u0000\u0001\u0002binary');
    const result = await runCliCaptured(['validate', '-f', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('binary');
  });
});

describe('formatProblem', () => {
  it.each([
    [{ path: 'spec.a', message: 'm', line: 3, column: 4 }, 'f.yaml', 'f.yaml:3:4: spec.a: m'],
    [{ path: 'spec.a', message: 'm' }, 'f.yaml', 'f.yaml: spec.a: m'],
    [{ path: '', message: 'm' }, 'f.yaml', 'f.yaml: m'],
    [{ path: '', message: 'm', line: 1, column: 1 }, undefined, '1:1: m'],
    [{ path: 'spec.a', message: 'm' }, undefined, 'spec.a: m'],
    [{ path: '', message: 'a\nb\u009b' }, 'x\ny', 'x\\u000ay: a\\u000ab\\u009b'],
  ])('formats %j from %s', (problem, source, line) => {
    expect(formatProblem(problem, source)).toBe(line);
  });
});

describe('the slipway command', () => {
  it('runs from bin/ as a real process and reports the version', { timeout: 60_000 }, async () => {
    const { version } = (await import('../../../package.json', { with: { type: 'json' } })).default;
    const result = await execa('node', [join(root, 'bin/slipway.js'), '--version'], { reject: false });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('exits 2 from a real process on an invalid spec', { timeout: 60_000 }, async () => {
    const file = writeTemp('apiVersion: v9\n');
    const result = await execa('node', [join(root, 'bin/slipway.js'), 'validate', '-f', file], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('apiVersion: apiVersion must be slipway.dev/v1alpha1');
  });
});
