import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateClusterSpecValue } from '../../../main/spec/index.js';
import { publishedSchemas } from '../../../scripts/published-schemas.js';

const root = join(import.meta.dirname, '../../..');
const testdata = join(import.meta.dirname, 'testdata');

describe('published JSON Schemas', () => {
  it.each(Object.entries(publishedSchemas()))('%s is current (run `npm run schema:generate`)', (file, schema) => {
    const committed = JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;
    expect(committed).toEqual(schema);
  });

  const validate = new Ajv({ strict: false, allErrors: true }).compile(
    publishedSchemas()['schemas/cluster.schema.json'] ?? {},
  );

  it.each(readdirSync(testdata).filter((f) => f.startsWith('valid-')))('the cluster schema accepts %s', (file) => {
    const ok = validate(parse(readFileSync(join(testdata, file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([
    ['an unknown field', { spec: { bogus: 1 } }],
    ['an even control plane', { spec: { controlPlane: { replicas: 2 } } }],
    ['a bad taint effect', { spec: { workers: [{ name: 'a', taints: [{ key: 'k', effect: 'Never' }] }] } }],
    ['an unknown add-on', { spec: { addons: [{ name: 'nginx' }] } }],
    ['a subnet that is not a CIDR', { spec: { networking: { podSubnet: '10.244.0.0' } } }],
    ['a CIDR prefix over 32', { spec: { networking: { serviceSubnet: '10.96.0.0/33' } } }],
    ['an API address that is not IPv4', { spec: { networking: { apiServerAddress: 'localhost' } } }],
    [
      'a listen address that is not IPv4',
      { spec: { portMappings: [{ hostPort: 1, containerPort: 1, listenAddress: '::1' }] } },
    ],
    ['a label key with a space', { spec: { workers: [{ name: 'a', labels: { 'bad key': 'x' } }] } }],
    ['a reserved label prefix', { spec: { workers: [{ name: 'a', labels: { 'node.kubernetes.io/x': 'x' } }] } }],
    ['a label value over 63 characters', { spec: { workers: [{ name: 'a', labels: { k: 'v'.repeat(64) } }] } }],
    ['a bad taint key', { spec: { workers: [{ name: 'a', taints: [{ key: '-k', effect: 'NoSchedule' }] }] } }],
    ['a node image that is not a reference', { spec: { nodeImage: 'Not A Ref' } }],
  ])('the cluster schema rejects %s', (_what, extra) => {
    const doc = { apiVersion: 'slipway.dev/v1alpha1', kind: 'Cluster', metadata: { name: 'a' }, ...extra };
    expect(validate(doc)).toBe(false);
  });

  it('accepts what the loader accepts near those rules', () => {
    const doc = {
      apiVersion: 'slipway.dev/v1alpha1',
      kind: 'Cluster',
      metadata: { name: 'a' },
      spec: {
        nodeImage: '',
        workers: [{ name: 'a', labels: { 'example.com/k8s.io-like': '', 'kubernetes.io.example.com/x': 'y' } }],
        portMappings: [{ hostPort: 1, containerPort: 1, listenAddress: '0.0.0.0' }],
      },
    };
    expect(validate(doc)).toBe(true);
    expect(validateClusterSpecValue(doc).ok).toBe(true);
  });

  it('describes every field, for editors', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const { properties, items } = node as { properties?: Record<string, unknown>; items?: unknown };
      for (const [name, child] of Object.entries(properties ?? {})) {
        if (typeof (child as { description?: unknown }).description !== 'string') undocumented.push(`${path}.${name}`);
        walk(child, `${path}.${name}`);
      }
      walk(items, `${path}[]`);
    };
    walk(publishedSchemas()['schemas/cluster.schema.json'], '');
    expect(undocumented).toEqual([]);
  });
});
