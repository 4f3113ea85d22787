import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  hasKubeconfigEntry,
  mergeKubeconfigEntry,
  removeKubeconfigEntry,
} from '../../../main/kube/kubeconfig-merge.js';
import { hostKubeconfigEntry, standaloneKubeconfig } from '../../../main/kube/kubeconfig-rewrite.js';
import type { Kubeconfig } from '../../../main/kube/kubeconfig-types.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'testdata', name), 'utf8');
const existing = () => parse(fixture('existing.yaml')) as Kubeconfig;
const entry = hostKubeconfigEntry(fixture('admin.conf'), 'slipway-demo', 'https://127.0.0.1:41000');

describe('hostKubeconfigEntry', () => {
  it('renames admin.conf’s entries and points the cluster at the host endpoint', () => {
    expect(entry).toEqual({
      name: 'slipway-demo',
      cluster: {
        name: 'slipway-demo',
        cluster: { 'certificate-authority-data': 'TkVXLUNB', server: 'https://127.0.0.1:41000' },
      },
      user: {
        name: 'slipway-demo',
        user: { 'client-certificate-data': 'TkVXLUNFUlQ=', 'client-key-data': 'TkVXLUtFWQ==' },
      },
      context: { name: 'slipway-demo', context: { cluster: 'slipway-demo', user: 'slipway-demo' } },
    });
  });

  it('makes a standalone kubeconfig with that context current', () => {
    expect(standaloneKubeconfig(entry)).toMatchObject({
      'current-context': 'slipway-demo',
      clusters: [entry.cluster],
      users: [entry.user],
      contexts: [entry.context],
    });
  });

  it('refuses an admin.conf without users', () => {
    expect(() =>
      hostKubeconfigEntry('clusters: [{name: a, cluster: {}}]\ncontexts: [{name: a}]\n', 'x', 'https://h:1'),
    ).toThrow(/no user/);
  });
});

describe('mergeKubeconfigEntry', () => {
  it('replaces the cluster’s own entries in place and leaves every other entry and field alone', () => {
    const before = existing();
    const merged = mergeKubeconfigEntry(before, entry, { makeCurrent: true });
    expect(merged.clusters?.map((c) => c.name)).toEqual(['prod', 'slipway-demo']);
    expect(merged.clusters?.[0]).toEqual(before.clusters?.[0]);
    expect(merged.clusters?.[1]).toEqual(entry.cluster);
    expect(merged.users?.[0]).toEqual({ name: 'prod-admin', user: { token: 'not-a-real-token' } });
    expect(merged.contexts?.[0]).toEqual(before.contexts?.[0]);
    expect(merged.preferences).toEqual({ colors: true });
    expect(merged.extensions).toEqual(before.extensions);
    expect(merged['current-context']).toBe('slipway-demo');
    expect(before['current-context']).toBe('prod'); // the input is not mutated
  });

  it('appends to a config without the entry and keeps current-context unless asked', () => {
    const merged = mergeKubeconfigEntry(
      existing(),
      {
        ...entry,
        name: 'slipway-new',
        context: { ...entry.context, name: 'slipway-new' },
        cluster: { ...entry.cluster, name: 'slipway-new' },
        user: { ...entry.user, name: 'slipway-new' },
      },
      { makeCurrent: false },
    );
    expect(merged.contexts?.map((c) => c.name)).toEqual(['prod', 'slipway-demo', 'slipway-new']);
    expect(merged['current-context']).toBe('prod');
  });

  it('creates a complete kubeconfig from nothing (no file, or an empty one)', () => {
    for (const base of [undefined, {} as Kubeconfig, parse('clusters:\nusers:\ncontexts:\n') as Kubeconfig]) {
      expect(mergeKubeconfigEntry(base, entry, { makeCurrent: true })).toMatchObject({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [entry.cluster],
        users: [entry.user],
        contexts: [entry.context],
        'current-context': 'slipway-demo',
      });
    }
  });

  it('refuses a config whose lists are not lists, rather than damaging it', () => {
    expect(() =>
      mergeKubeconfigEntry({ clusters: 'oops' } as unknown as Kubeconfig, entry, { makeCurrent: true }),
    ).toThrow(/not a list/);
  });
});

describe('removeKubeconfigEntry', () => {
  it('removes only the named entries and unsets current-context when it was that one', () => {
    const merged = mergeKubeconfigEntry(existing(), entry, { makeCurrent: true });
    const removed = removeKubeconfigEntry(merged, 'slipway-demo');
    expect(hasKubeconfigEntry(removed, 'slipway-demo')).toBe(false);
    expect(removed.clusters).toEqual(existing().clusters?.slice(0, 1));
    expect(removed.contexts).toEqual(existing().contexts?.slice(0, 1));
    expect(removed['current-context']).toBe('');
    expect(removed.extensions).toEqual(existing().extensions);
  });

  it('keeps another current context', () => {
    expect(removeKubeconfigEntry(existing(), 'slipway-demo')['current-context']).toBe('prod');
  });
});
