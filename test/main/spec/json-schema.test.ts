import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
  ])('the cluster schema rejects %s', (_what, extra) => {
    const doc = { apiVersion: 'slipway.dev/v1alpha1', kind: 'Cluster', metadata: { name: 'a' }, ...extra };
    expect(validate(doc)).toBe(false);
  });
});
