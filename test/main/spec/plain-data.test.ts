// Values from IPC or YAML 1.1 tags that are not plain data are refused with their path, instead
// of being read as mappings of their methods (a Buffer has "fields" such as readInt8).
import { describe, expect, it } from 'vitest';
import { validateClusterSpecValue } from '../../../main/spec/index.js';

const base = { apiVersion: 'slipway.dev/v1alpha1', kind: 'Cluster', metadata: { name: 'demo' } };

describe('plain data only', () => {
  it.each([
    ['a Buffer', { spec: Buffer.from('hello') }, 'spec', /binary data/],
    ['a Map', { spec: { workers: new Map([['a', 1]]) } }, 'spec.workers', /ordered map/],
    ['a Set', { spec: { addons: new Set(['registry']) } }, 'spec.addons', /a set/],
    ['a Date', { spec: { kubernetesVersion: new Date(0) } }, 'spec.kubernetesVersion', /timestamp/],
    ['a class instance', { metadata: new URL('https://example.com') }, 'metadata', /another kind/],
  ])('refuses %s with one problem at its path', (_what, extra, path, message) => {
    const result = validateClusterSpecValue({ ...base, ...extra });
    expect(result.ok ? [] : result.problems).toEqual([{ path, message: expect.stringMatching(message) as unknown }]);
  });

  it('walks shared and cyclic values once', () => {
    const shared = { name: 'a' };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const result = validateClusterSpecValue({ ...base, spec: { workers: [shared, shared], extra: cyclic } });
    expect(result.ok).toBe(false); // duplicate pool and unknown field, but no hang and no crash
  });

  it('accepts objects without a prototype', () => {
    const spec = Object.assign(Object.create(null) as object, { workers: [] });
    expect(validateClusterSpecValue({ ...base, spec }).ok).toBe(true);
  });
});
