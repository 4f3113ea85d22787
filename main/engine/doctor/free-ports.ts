// Can we publish on loopback at all, and are the ports the ingress add-on maps by default free?
import type { Checker } from './types.js';

const INGRESS_PORTS = [80, 443];

export const freePorts: Checker = {
  id: 'free-ports',
  title: 'Free host ports',
  severity: 'warning',
  applicable: () => Promise.resolve(true),
  async check(probes) {
    if (!(await probes.canBind('127.0.0.1'))) {
      return {
        ok: false,
        detail: 'cannot bind any port on 127.0.0.1',
        fix: 'check the loopback interface and local firewall rules',
      };
    }
    const busy: number[] = [];
    for (const port of INGRESS_PORTS) if (!(await probes.portFree('127.0.0.1', port))) busy.push(port);
    if (busy.length === 0)
      return { ok: true, detail: 'loopback ports bind; 80 and 443 are free for the ingress add-on' };
    return {
      ok: false,
      detail: `port${busy.length > 1 ? 's' : ''} ${busy.join(', ')} on 127.0.0.1 in use (the ingress add-on maps them by default)`,
      fix: 'stop what listens there, or map other host ports in spec.portMappings',
    };
  },
};
