import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, renderBundle, renderedToYaml, resolveParameters } from '../../../main/addons/index.js';
import { hostsTomlContent, hostsTomlPath } from '../../../main/addons/host-operations.js';
import { checkClusterRequirements } from '../../../main/addons/preflight.js';
import { Conflict } from '../../../main/errors.js';
import { defaultClusterSpec } from '../../../main/spec/index.js';

const goldenDir = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

// Parameter sets pinned by golden files: the defaults of each bundle, plus the variants that
// change objects (admin dashboard behind the ingress, hermetic image overrides).
const cases: {
  file: string;
  addon: string;
  params: Record<string, unknown>;
  enabled?: string[];
  overrides?: Record<string, string>;
}[] = [
  { file: 'registry.yaml', addon: 'registry', params: {} },
  { file: 'ingress.yaml', addon: 'ingress', params: {} },
  { file: 'csi-hostpath.yaml', addon: 'csi-hostpath', params: {} },
  { file: 'dashboard.yaml', addon: 'dashboard', params: {} },
  {
    file: 'dashboard-admin-ingress.yaml',
    addon: 'dashboard',
    params: { role: 'admin' },
    enabled: ['ingress', 'dashboard'],
  },
  { file: 'metrics-server.yaml', addon: 'metrics-server', params: {} },
  {
    file: 'metrics-server-overrides.yaml',
    addon: 'metrics-server',
    params: {},
    overrides: { 'registry.k8s.io/metrics-server/metrics-server': 'localhost/slipway/addons/metrics-server:v0.9.0' },
  },
];

describe('renderBundle (golden; UPDATE_GOLDEN=1 rewrites)', () => {
  it.each(cases)('$file', async ({ file, addon, params, enabled, overrides }) => {
    const bundle = await loadBundle(addon);
    const resolved = resolveParameters(addon, bundle.document.parameters, params);
    const text = renderedToYaml(
      renderBundle({
        bundle,
        params: resolved,
        clusterName: 'golden',
        clusterHostPorts: { '80': 8080, '443': 8443 },
        enabledAddons: enabled,
        overrides,
      }),
    );
    const path = join(goldenDir, file);
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(path, text);
    }
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('is deterministic', async () => {
    const bundle = await loadBundle('ingress');
    const params = resolveParameters('ingress', bundle.document.parameters, {});
    const render = () =>
      renderedToYaml(renderBundle({ bundle, params, clusterName: 'a', clusterHostPorts: { '80': 80 } }));
    expect(render()).toBe(render());
  });

  it('keeps a whole-placeholder scalar typed', async () => {
    const bundle = await loadBundle('registry');
    const rendered = renderBundle({ bundle, params: { hostPort: 5002 }, clusterName: 'a' });
    const operation = rendered.hostOperations[0];
    expect(operation && 'registryContainer' in operation ? operation.registryContainer.hostPort : undefined).toBe(5002);
  });

  it('adds the ingress object only when the ingress add-on is enabled', async () => {
    const bundle = await loadBundle('dashboard');
    const params = resolveParameters('dashboard', bundle.document.parameters, {});
    const kinds = (enabled: string[]) =>
      renderBundle({ bundle, params, clusterName: 'a', enabledAddons: enabled }).phases.flatMap((p) =>
        p.objects.map((o) => o.kind),
      );
    expect(kinds(['dashboard'])).not.toContain('Ingress');
    expect(kinds(['dashboard', 'ingress'])).toContain('Ingress');
  });
});

describe('cluster requirements', () => {
  it('refuses ingress on a cluster created without port mappings, naming the fix', async () => {
    const bundle = await loadBundle('ingress');
    const spec = defaultClusterSpec('demo');
    expect(() => {
      checkClusterRequirements(bundle, 'demo', spec);
    }).toThrow(Conflict);
    try {
      checkClusterRequirements(bundle, 'demo', spec);
    } catch (error) {
      expect((error as Conflict).message).toContain(
        'add-on "ingress" needs host port mappings that cluster "demo" was created without: container port 80/TCP',
      );
      expect((error as Conflict).hint).toContain('spec.portMappings');
    }
  });

  it('accepts a cluster with the mappings', async () => {
    const bundle = await loadBundle('ingress');
    const spec = defaultClusterSpec('demo');
    spec.spec.portMappings = [
      { hostPort: 8080, containerPort: 80, protocol: 'TCP', listenAddress: '127.0.0.1' },
      { hostPort: 8443, containerPort: 443, protocol: 'TCP', listenAddress: '127.0.0.1' },
    ];
    expect(() => {
      checkClusterRequirements(bundle, 'demo', spec);
    }).not.toThrow();
  });
});

describe('registry mirror file', () => {
  it('lives under containerd certs.d and points pulls at the endpoint', () => {
    expect(hostsTomlPath('localhost:5001')).toBe('/etc/containerd/certs.d/localhost:5001/hosts.toml');
    expect(hostsTomlContent('http://slipway-registry:5000')).toBe(
      '[host."http://slipway-registry:5000"]\n  capabilities = ["pull", "resolve"]\n',
    );
    expect(() => hostsTomlPath('../../etc')).toThrow();
  });
});
