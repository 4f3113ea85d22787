// In-memory add-on state for the fake engine: the real catalogue (bundle names, parameter
// schemas) with enable/disable that only flip a flag after a few named steps. For UI tests
// and screenshots; the real add-on service is used with the real engine.
import { Conflict, NotFound } from '../../errors.js';
import type { AddonCatalogEntry, AddonOutput, AddonState, AddonsService } from '../../ipc/feature-services.js';
import type { TaskOptions } from '../../engine/types.js';
import { fakeAddonSteps, type FakeEngine } from './fake-engine.js';

const fakeOutputs: Record<string, AddonOutput[]> = {
  registry: [{ name: 'push', title: 'Push images to', kind: 'text', value: 'localhost:5001', secret: false }],
  ingress: [{ name: 'http', title: 'Ingress HTTP', kind: 'url', value: 'http://127.0.0.1/', secret: false }],
  dashboard: [
    { name: 'url', title: 'Headlamp', kind: 'port-forward', value: 'open through a local port-forward', secret: false },
    { name: 'token', title: 'Login token', kind: 'token', value: 'mint a short-lived login token', secret: true },
  ],
};

export class FakeAddonsService implements AddonsService {
  private readonly enabled = new Map<string, Map<string, Record<string, unknown>>>();

  constructor(
    private readonly engine: FakeEngine,
    private readonly entries: AddonCatalogEntry[],
  ) {}

  catalog(): Promise<AddonCatalogEntry[]> {
    return Promise.resolve(this.entries);
  }

  async list(cluster: string): Promise<AddonState[]> {
    const enabled = await this.enabledOn(cluster);
    return this.entries.map((entry) => {
      const params = enabled.get(entry.name);
      return params === undefined
        ? { name: entry.name, enabled: false, params: {}, outputs: [] }
        : {
            name: entry.name,
            enabled: true,
            state: 'ready',
            installedVersion: entry.version,
            params,
            outputs: fakeOutputs[entry.name] ?? [],
          };
    });
  }

  async enable(cluster: string, addon: string, params: Record<string, unknown>, options: TaskOptions): Promise<void> {
    const enabled = await this.enabledOn(cluster);
    if (!this.entries.some((entry) => entry.name === addon)) throw new NotFound(`no add-on bundle named ${addon}`);
    await this.engine.runFakeSteps(fakeAddonSteps('addon-enable', addon), options);
    enabled.set(addon, params);
  }

  async disable(
    cluster: string,
    addon: string,
    data: 'keep' | 'delete' | undefined,
    options: TaskOptions,
  ): Promise<void> {
    const enabled = await this.enabledOn(cluster);
    if (!enabled.has(addon)) throw new NotFound(`add-on ${addon} is not enabled on cluster ${cluster}`);
    if (addon === 'registry' && data === undefined) {
      throw new Conflict('the registry holds images in volume slipway-registry-data', {
        hint: 'choose to keep or delete its data',
      });
    }
    await this.engine.runFakeSteps(fakeAddonSteps('addon-disable', addon), options);
    enabled.delete(addon);
  }

  async reveal(cluster: string, addon: string, output: string) {
    const enabled = await this.enabledOn(cluster);
    if (!enabled.has(addon)) throw new NotFound(`add-on ${addon} is not enabled on cluster ${cluster}`);
    if (output === 'token') return { kind: 'token' as const, value: 'eyJhbGciOiJSUzI1NiJ9.fake-ui-token' };
    return { kind: 'url' as const, value: 'http://127.0.0.1:41234/' };
  }

  private async enabledOn(cluster: string): Promise<Map<string, Record<string, unknown>>> {
    const spec = await this.engine.recordedSpec(cluster);
    let enabled = this.enabled.get(cluster);
    if (!enabled) {
      enabled = new Map((spec?.spec.addons ?? []).map((addon) => [addon.name, addon.params]));
      this.enabled.set(cluster, enabled);
    }
    return enabled;
  }
}
