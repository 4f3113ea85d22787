// Property tests at the renderer boundary: generated payloads — prototype keys (`__proto__`,
// `constructor`, `prototype`) as own properties, as JSON and structured clones carry them,
// huge and deeply nested values, hostile patterns and spec texts — go through every IPC
// channel of the real dispatcher. Each call answers with {result} or {error} and never
// throws, Object.prototype stays untouched, and a probe call keeps answering within 200 ms.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { createExportService } from '../../../main/ipc/adapters/export-service.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { ipcChannels } from '../../../main/ipc/payload-schemas.js';
import { probeWhile } from './support/probe.js';

const core = createAppCore({
  engine: new FakeEngine(),
  transport: 'in-process',
  exporter: createExportService(),
  kubectl: createFileKubectlContexts('/nonexistent/kubeconfig'),
  version: '9.9.9',
  platform: 'linux',
});
afterAll(() => core.dispose());

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const pristinePrototype = Object.getOwnPropertyNames(Object.prototype).sort();

/** Nothing was added to Object.prototype, and plain objects inherit nothing new. */
function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(pristinePrototype);
  const probe = {} as Record<string, unknown>;
  for (const key of ['isAdmin', 'polluted', 'shell', 'a', 'x']) expect(probe[key]).toBeUndefined();
}

/** A value as JSON.parse makes it, so `__proto__` keys are own properties (as over the bridge). */
const asParsedJson = (value: unknown): unknown => {
  // JSON.stringify returns undefined for undefined and functions, whatever its typing says.
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? null : JSON.parse(text);
};

const hostileKey = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom('__proto__.isAdmin', 'constructor.prototype.polluted', 'vks.__proto__'),
  fc.constantFrom('name', 'cluster', 'addon', 'params', 'site', 'source', 'specText', 'podPattern', 'taskId'),
  fc.string({ maxLength: 12 }),
);

const hostileLeaf = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('^([a-z-]|[a-z0-9-])*!$', '(a+)+$', `${'a'.repeat(64)}!`, 'demo', 'registry', 'task-1', 'logs-1'),
  fc.constantFrom('x'.repeat(70_000)),
);

/** Objects whose keys are often prototype keys, nested a few levels. */
const hostileObject = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    hostileLeaf,
    fc.dictionary(hostileKey, tie('node'), { maxKeys: 4 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

/** A spec text with prototype keys, duplicates or deep nesting. */
const hostileSpecText = fc.oneof(
  fc.constantFrom(
    'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo}\n__proto__: {isAdmin: yes}\n',
    'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo, constructor: {prototype: {polluted: 1}}}\n',
    `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    'kind: Cluster\nkind: Cluster\n',
  ),
  fc.string({ maxLength: 200 }),
);

const validSpecText = 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: demo}\n';

const payloadFor = fc.oneof(
  fc.record({
    source: fc.constant({ specText: validSpecText }),
    target: fc.constantFrom('capi', 'vks', 'gke'),
    site: fc.dictionary(hostileKey, fc.string({ maxLength: 8 }), { maxKeys: 3 }).map(asParsedJson),
  }),
  hostileObject.map(asParsedJson),
  hostileObject,
  fc.record({ name: hostileLeaf, cluster: hostileLeaf, addon: hostileLeaf, params: hostileObject.map(asParsedJson) }),
  fc.record({ specText: hostileSpecText }),
  fc.record({
    source: fc.record({ specText: hostileSpecText }),
    target: fc.constantFrom('capi', 'kind'),
    site: hostileObject.map(asParsedJson),
  }),
  fc.record({ cluster: fc.constant('demo'), podPattern: hostileLeaf }),
);

describe('every IPC channel under generated hostile payloads', { timeout: 240_000 }, () => {
  it('answers with {result} or {error}, never throws, and leaves Object.prototype untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ipcChannels), payloadFor, async (channel, payload) => {
        const response = await core.dispatch(channel, payload);
        expect('result' in response || 'error' in response).toBe(true);
        expectPrototypeUntouched();
      }),
      { numRuns: 400 },
    );
  });

  it('lets no prototype key through the export site inputs or add-on params', async () => {
    const sitePayload = fc.record({
      source: fc.constant({ specText: validSpecText }),
      target: fc.constantFrom('capi', 'vks', 'gke'),
      site: fc
        .dictionary(hostileKey, fc.string({ minLength: 1, maxLength: 8 }), { minKeys: 1, maxKeys: 3 })
        .map(asParsedJson),
    });
    const paramsPayload = fc.record({
      cluster: fc.constant('demo'),
      addon: fc.constantFrom('dashboard', 'registry'),
      params: hostileObject.map(asParsedJson),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          sitePayload.map((payload) => ['export:render', payload] as const),
          paramsPayload.map((payload) => ['addons:enable', payload] as const),
        ),
        async ([channel, payload]) => {
          const response = await core.dispatch(channel, payload);
          expect('result' in response || 'error' in response).toBe(true);
          expectPrototypeUntouched();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a probe call answering within 200 ms while each hostile call runs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ipcChannels), payloadFor, async (channel, payload) => {
        const { p95Ms } = await probeWhile(core.dispatch, () => core.dispatch(channel, payload));
        expect(p95Ms).toBeLessThan(200);
        expectPrototypeUntouched();
      }),
      { numRuns: 60 },
    );
  });

  it('stays responsive while a 1 MiB spec of unknown keys is checked through export:render', async () => {
    let specText = 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: big}\nspec:\n';
    for (let index = 0; specText.length < 1024 * 1024 - 20; index++) specText += `  k${String(index)}: 1\n`;
    const { result, p95Ms, probes } = await probeWhile(core.dispatch, () =>
      core.dispatch('export:render', { source: { specText }, target: 'capi', site: {} }),
    );
    expect('error' in result && result.error.code).toBe('SPEC_INVALID');
    expect(probes).toBeGreaterThan(3);
    expect(p95Ms).toBeLessThan(200);
  });
});
