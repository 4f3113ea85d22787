import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addonBundleJsonSchema, listBundleNames, loadBundle, validateBundle } from '../../../main/addons/index.js';
import { NotFound } from '../../../main/errors.js';
import { KNOWN_ADDONS } from '../../../main/spec/known-addons.js';

const root = join(import.meta.dirname, '../../..');
const testdata = join(import.meta.dirname, 'testdata');

describe('shipped bundles', () => {
  it('match the add-on names the cluster spec accepts', async () => {
    expect(await listBundleNames()).toEqual([...KNOWN_ADDONS].sort());
  });

  it.each([...KNOWN_ADDONS])('%s loads without problems', async (name) => {
    const result = await validateBundle(name);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it.each([...KNOWN_ADDONS])('%s/addon.yaml is valid against schemas/addon.schema.json', (name) => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(addonBundleJsonSchema());
    const ok = validate(parse(readFileSync(join(root, 'addons', name, 'addon.yaml'), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([...KNOWN_ADDONS])('%s pins every upstream image by digest', async (name) => {
    const bundle = await loadBundle(name);
    for (const image of Object.values(bundle.document.images)) expect(image.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
  });
});

describe('invalid bundles', () => {
  it('reports every schema problem with its path and line', async () => {
    const result = await validateBundle('bad-fields', { root: testdata });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'metadata.colour',
        'metadata.version',
        'images.app.digest',
        'parameters.additionalProperties',
      ]),
    );
    expect(problems.find((p) => p.path === 'metadata.colour')?.line).toBe(8);
  });

  it('reports undeclared placeholders, images, namespaces, host paths and bad defaults', async () => {
    const result = await validateBundle('bad-refs', { root: testdata });
    const messages = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/manifests\/app\.yaml#0: \$\{params\.missing\} refers to nothing declared/),
        expect.stringMatching(/namespace "elsewhere" is not listed in permissions\.namespaces/),
        expect.stringMatching(/image must be a declared image/),
        expect.stringMatching(/hostPath \/ is not listed in permissions\.hostPaths/),
        expect.stringMatching(/parameters\.properties\.port\.default: must be <= 10/),
      ]),
    );
  });

  it('names the known bundles when one does not exist', async () => {
    const error = await validateBundle('nope', { root: testdata }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFound);
    expect((error as NotFound).hint).toContain('provides-x');
  });

  it('keeps the testdata folder listing in sync with this file', () => {
    expect(readdirSync(testdata).sort()).toEqual(['bad-fields', 'bad-refs', 'conflicts-x', 'needs-x', 'provides-x']);
  });
});
