import { describe, expect, it } from 'vitest';
import { haproxyConfig } from '../../../main/engine/lb-config.js';

describe('haproxyConfig', () => {
  it('balances TCP 6443 over every control plane by pinned address with an HTTPS health check', () => {
    const config = haproxyConfig([
      { name: 'ha-control-plane', ipv4: '172.20.5.10' },
      { name: 'ha-control-plane-2', ipv4: '172.20.5.11' },
    ]);
    expect(config).toContain('  bind *:6443\n');
    expect(config).toContain('  mode tcp\n');
    expect(config).toContain('  option httpchk GET /healthz\n');
    const servers = config.split('\n').filter((line) => line.trim().startsWith('server '));
    expect(servers).toEqual([
      '  server ha-control-plane 172.20.5.10:6443 check check-ssl verify none inter 1s fall 2 rise 1',
      '  server ha-control-plane-2 172.20.5.11:6443 check check-ssl verify none inter 1s fall 2 rise 1',
    ]);
    expect(config.endsWith('\n')).toBe(true);
  });
});
