import { mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kubeconfigPath, updateKubeconfigFile } from '../../../main/kube/kubeconfig-file.js';
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

  it('keeps the existing mode and leaves no temporary or lock files', async () => {
    const dir = tempDir();
    const file = join(dir, 'config');
    writeFileSync(file, 'apiVersion: v1\nkind: Config\n', { mode: 0o640 });
    await updateKubeconfigFile(file, (c) => mergeKubeconfigEntry(c, entry('slipway-a'), { makeCurrent: false }));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['config']);
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
