// The export and add-on adapters: targets and site fields come from the export module's own
// schema, previews carry real documents and issues, site problems come back with their
// keys, and bundle outputs map onto what the UI shows.
import { describe, expect, it } from 'vitest';
import { listBundles } from '../../../main/addons/index.js';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { fakeSpec } from '../../../main/dev/fake-engine/seed.js';
import { catalogEntry, toUiOutput } from '../../../main/ipc/adapters/addons-service.js';
import { createExportService, siteFieldsFor } from '../../../main/ipc/adapters/export-service.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import type { IpcResponse } from '../../../main/ipc/contract.js';
import { fakeFeatureServices } from '../../../main/dev/fake-engine/fake-features.js';
import { targetDescriptor } from '../../../main/export/index.js';

function resultOf<T>(response: IpcResponse<T>): T {
  if ('error' in response) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.result;
}

describe('export service', () => {
  it('lists every target with the string site inputs of its section', () => {
    const targets = createExportService().targets();
    expect(targets.map((target) => target.id)).toEqual(['capi', 'vks', 'tkgi', 'gke', 'kind']);
    expect(siteFieldsFor(targetDescriptor('vks')).map((field) => field.key)).toEqual([
      'vks.namespace',
      'vks.vmClass',
      'vks.storageClass',
      'vks.release',
      'vks.class',
    ]);
    expect(siteFieldsFor(targetDescriptor('gke')).map((field) => field.key)).toContain('gke.releaseChannel');
    expect(siteFieldsFor(targetDescriptor('kind'))).toEqual([]);
  });

  it('previews real documents and reports the site inputs a target still needs', async () => {
    const service = createExportService();
    const kind = await service.render(fakeSpec('demo'), 'kind', {}, {});
    expect(kind.documents.map((document) => document.language)).toEqual(['yaml']);
    expect(kind.documents[0]?.content).toContain('kind: Cluster');
    const vks = await service.render(fakeSpec('demo'), 'vks', {}, {});
    expect(vks.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.needsInput)).toContain(
      'vks.vmClass',
    );
    const filled = await service.render(
      fakeSpec('demo'),
      'vks',
      {
        'vks.namespace': 'dev',
        'vks.vmClass': 'best-effort-medium',
        'vks.storageClass': 'fast',
        'vks.release': 'v1.34.4---vmware.1-fips-vkr.1',
      },
      {},
    );
    expect(filled.issues.filter((issue) => issue.needsInput === 'vks.vmClass')).toEqual([]);
  });

  it('returns site problems with their keys through IPC', async () => {
    const engine = new FakeEngine();
    engine.seed(fakeSpec('demo'));
    const core = createAppCore({ engine, transport: 'in-process', exporter: createExportService() });
    const response = await core.dispatch('export:render', {
      source: { cluster: 'demo' },
      target: 'gke',
      site: { 'gke.project': 'Bad Project' },
    });
    expect('error' in response && response.error.code).toBe('SPEC_INVALID');
    expect('error' in response && response.error.problems?.map((problem) => problem.path)).toEqual(['gke.project']);
    const unknown = await core.dispatch('export:render', { source: { cluster: 'demo' }, target: 'eks', site: {} });
    expect('error' in unknown && unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('add-on service mapping', () => {
  it('builds catalogue entries with each bundle parameter schema', async () => {
    const bundles = await listBundles();
    const registry = bundles.find((bundle) => bundle.name === 'registry');
    if (!registry) throw new Error('the registry bundle is missing');
    const entry = catalogEntry(registry);
    expect(entry).toMatchObject({
      name: 'registry',
      title: registry.document.metadata.displayName,
      version: registry.document.metadata.version,
    });
    expect(entry.paramsSchema).toMatchObject({ type: 'object', properties: { hostPort: { type: 'integer' } } });
  });

  it('maps bundle outputs to UI outputs, marking tokens secret', () => {
    expect(
      toUiOutput({ name: 'token', description: 'Login token', kind: 'token', value: 'slipway dashboard demo' }),
    ).toEqual({
      name: 'token',
      title: 'Login token',
      kind: 'token',
      value: 'mint a short-lived login token',
      secret: true,
    });
    expect(toUiOutput({ name: 'push', description: 'Push to', kind: 'value', value: 'localhost:5001' })).toMatchObject({
      kind: 'text',
      value: 'localhost:5001',
      secret: false,
    });
  });

  it('gives the fake engine the real catalogue with in-memory state, through tasks', async () => {
    const engine = new FakeEngine();
    engine.seed(fakeSpec('demo'));
    const core = createAppCore({ engine, transport: 'in-process', ...(await fakeFeatureServices(engine)) });
    const catalog = resultOf(await core.dispatch('addons:catalog', undefined)) as { name: string }[];
    expect(catalog.map((entry) => entry.name).sort()).toEqual(
      (await listBundles()).map((bundle) => bundle.name).sort(),
    );
    const { taskId } = resultOf(
      await core.dispatch('addons:enable', { cluster: 'demo', addon: 'dashboard', params: {} }),
    ) as { taskId: string };
    expect((await core.tasks.whenDone(taskId)).state).toBe('succeeded');
    const states = resultOf(await core.dispatch('addons:list', { name: 'demo' })) as {
      name: string;
      enabled: boolean;
    }[];
    expect(states.find((state) => state.name === 'dashboard')?.enabled).toBe(true);
  });
});
