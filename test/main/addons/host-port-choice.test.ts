// Host ports for add-ons a spec enables without mapping their ports: chosen at create (the
// container port when free on loopback, else a free one), each choice reported; a spec that
// maps some is taken as written, with a warning for an unmapped optional port.
import { describe, expect, it } from 'vitest';
import { chooseAddonHostPorts, type HostPortProbe } from '../../../main/addons/host-port-choice.js';
import { defaultClusterSpec, type ClusterSpec } from '../../../main/spec/index.js';

function withIngress(portMappings: ClusterSpec['spec']['portMappings'] = []): ClusterSpec {
  const spec = defaultClusterSpec('demo');
  return { ...spec, spec: { ...spec.spec, addons: [{ name: 'ingress', params: {} }], portMappings } };
}

/** A probe where the listed ports are taken and free ports are handed out from 40000 up. */
function probe(taken: number[]): HostPortProbe {
  let next = 40_000;
  return {
    isFree: (_address, port) => Promise.resolve(!taken.includes(port)),
    pickFree: () => Promise.resolve(next++),
  };
}

describe('chooseAddonHostPorts', () => {
  it('maps the container ports themselves when they are free, and says so', async () => {
    const { spec, notes, warnings } = await chooseAddonHostPorts(withIngress(), { probe: probe([]) });
    expect(spec.spec.portMappings).toEqual([
      { hostPort: 80, containerPort: 80, protocol: 'TCP', listenAddress: '127.0.0.1' },
      { hostPort: 443, containerPort: 443, protocol: 'TCP', listenAddress: '127.0.0.1' },
    ]);
    expect(notes).toEqual([
      'ingress: host port 80 → container port 80/TCP (HTTP from the host to the ingress-ready node)',
      'ingress: host port 443 → container port 443/TCP (HTTPS from the host to the ingress-ready node)',
    ]);
    expect(warnings).toEqual([]);
  });

  it('picks other free ports when the container ports are taken', async () => {
    const { spec } = await chooseAddonHostPorts(withIngress(), { probe: probe([80, 443]) });
    expect(spec.spec.portMappings.map((mapping) => mapping.hostPort)).toEqual([40_000, 40_001]);
  });

  it('takes a spec that maps HTTP only as written, with a warning about HTTPS', async () => {
    const http = [{ hostPort: 8080, containerPort: 80, protocol: 'TCP' as const, listenAddress: '127.0.0.1' }];
    const { spec, notes, warnings } = await chooseAddonHostPorts(withIngress(http), { probe: probe([]) });
    expect(spec.spec.portMappings).toEqual(http);
    expect(notes).toEqual([]);
    expect(warnings).toEqual([
      'ingress: container port 443/TCP is not mapped, so HTTPS from the host to the ingress-ready node is off',
    ]);
  });

  it('changes nothing for add-ons without port requirements', async () => {
    const spec = defaultClusterSpec('demo');
    const result = await chooseAddonHostPorts(spec, { probe: probe([]) });
    expect(result.spec).toBe(spec);
  });
});
