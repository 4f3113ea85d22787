import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SlipwayError } from '../../../main/errors.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { updateKubeconfigFile } from '../../../main/kube/kubeconfig-file.js';
import { kubeconfigPath } from '../../../main/lib/kubeconfig-path.js';
import { mergeKubeconfigEntry } from '../../../main/kube/kubeconfig-merge.js';
import type { Kubeconfig, KubeconfigEntry } from '../../../main/kube/kubeconfig-types.js';

function entry(name: string): KubeconfigEntry {
  return {
    name,
    cluster: { name, cluster: { server: `https://127.0.0.1/${name}` } },
    user: { name, user: {} },
    context: { name, context: { cluster: name, user: name } },
  };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'slipway-kubeconfig-'));

describe('kubeconfigPath', () => {
  it('uses the first non-empty path of KUBECONFIG, else ~/.kube/config', () => {
    expect(kubeconfigPath({ KUBECONFIG: ':/a/one:/b/two' }, '/home/u')).toBe('/a/one');
    expect(kubeconfigPath({}, '/home/u')).toBe('/home/u/.kube/config');
    expect(kubeconfigPath({ KUBECONFIG: '' }, '/home/u')).toBe('/home/u/.kube/config');
  });
});

describe('updateKubeconfigFile', () => {
  it('creates the file (and its directory) private to the user', async () => {
    const file = join(tempDir(), 'nested', 'config');
    await updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry('slipway-a'), { makeCurrent: true }));
    expect((parse(readFileSync(file, 'utf8')) as Kubeconfig)['current-context']).toBe('slipway-a');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps the existing mode without credentials and leaves no temporary or lock files', async () => {
    const dir = tempDir();
    const file = join(dir, 'config');
    writeFileSync(file, 'apiVersion: v1\nkind: Config\n', { mode: 0o640 });
    await updateKubeconfigFile(file, (c) => ({ ...c, preferences: {} }));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['config']);
  });

  it('makes a 0644 file private once it holds credentials', async () => {
    const file = join(tempDir(), 'config');
    writeFileSync(file, 'apiVersion: v1\nkind: Config\n', { mode: 0o644 });
    await updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry('slipway-a'), { makeCurrent: false }));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("keeps the user's comments and formatting when merging", async () => {
    const file = join(tempDir(), 'config');
    const original = [
      '# my clusters, hand-kept',
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '  # the work one',
      '  - name: work',
      '    cluster: {server: "https://work.example:6443"}   # VPN only',
      'users: []',
      'contexts: []',
      '',
    ].join('\n');
    writeFileSync(file, original);
    await updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry('slipway-a'), { makeCurrent: true }));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# my clusters, hand-kept');
    expect(text).toContain('# the work one');
    expect(text).toContain('cluster: { server: "https://work.example:6443" } # VPN only');
    expect((parse(text) as Kubeconfig).clusters?.map((c) => c.name)).toEqual(['work', 'slipway-a']);
  });

  it('removes a temporary file a killed writer left behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'config');
    writeFileSync(join(dir, '.config.slipway-deadbeef.tmp'), 'token: secret\n');
    await updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry('slipway-a'), { makeCurrent: false }));
    expect(readdirSync(dir)).toEqual(['config']);
  });

  it('says who holds the lock when it stays held', async () => {
    const file = join(tempDir(), 'config');
    writeFileSync(file, 'apiVersion: v1\n');
    const release = await lockfile.lock(file, { realpath: false, lockfilePath: `${file}.lock` });
    try {
      const error = await updateKubeconfigFile(file, (c) => c, { lockRetries: 1 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SlipwayError);
      expect((error as SlipwayError).message).toMatch(/being written by another program/);
      expect((error as SlipwayError).hint).toMatch(/config\.lock/);
    } finally {
      await release();
    }
  });

  it('loses no context when 25 merges race 25 context switches', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'config');
    const existing = Array.from({ length: 75 }, (_, i) => `slipway-old${String(i)}`);
    let seed: Kubeconfig | undefined;
    for (const name of existing) seed = mergeKubeconfigEntry(seed, entry(name), { makeCurrent: false });
    writeFileSync(file, stringify(seed));
    const real = join(dir, 'real-config');
    renameSync(file, real);
    symlinkSync(real, file);
    const added = Array.from({ length: 25 }, (_, i) => `slipway-new${String(i)}`);
    const contexts = createFileKubectlContexts(file);
    await Promise.all([
      ...added.map((name) =>
        updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry(name), { makeCurrent: false })),
      ),
      ...existing.slice(0, 25).map((name) => contexts.use(name)),
    ]);
    const names = (parse(readFileSync(real, 'utf8')) as Kubeconfig).contexts?.map((c) => c.name) ?? [];
    expect(names).toHaveLength(100);
    expect(new Set(names)).toEqual(new Set([...existing, ...added]));
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('serialises concurrent writers: no merge is lost', async () => {
    const file = join(tempDir(), 'config');
    const names = Array.from({ length: 8 }, (_, i) => `slipway-c${String(i)}`);
    await Promise.all(
      names.map((name) =>
        updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry(name), { makeCurrent: false })),
      ),
    );
    const contexts = (parse(readFileSync(file, 'utf8')) as Kubeconfig).contexts?.map((c) => c.name).sort();
    expect(contexts).toEqual([...names].sort());
  });

  it('writes through a symlinked kubeconfig instead of replacing the link', async () => {
    const dir = tempDir();
    const real = join(dir, 'real-config');
    writeFileSync(real, 'apiVersion: v1\nkind: Config\n');
    const link = join(dir, 'config');
    symlinkSync(real, link);
    await updateKubeconfigFile(link, (c) => mergeKubeconfigEntry(c, entry('slipway-a'), { makeCurrent: false }));
    expect(readFileSync(real, 'utf8')).toContain('slipway-a');
  });

  it('leaves a file that is not a kubeconfig untouched and says so', async () => {
    const file = join(tempDir(), 'config');
    writeFileSync(file, '- just\n- a list\n');
    await expect(
      updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry('x'), { makeCurrent: true })),
    ).rejects.toThrow(/not a kubeconfig/);
    expect(readFileSync(file, 'utf8')).toBe('- just\n- a list\n');
  });

  it('does not write when the update returns undefined', async () => {
    const file = join(tempDir(), 'config');
    await updateKubeconfigFile(file, () => undefined);
    expect(existsSync(file)).toBe(false);
  });
});
