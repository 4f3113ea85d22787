import { describe, expect, it } from 'vitest';
import { kubernetesServiceAddress, serviceGuardUnit } from '../../../main/engine/service-guard.js';

const api = { address: '172.20.5.10', port: 6443 };

describe('serviceGuardUnit', () => {
  it('refuses un-rewritten Service traffic on both local and forwarded paths, at every boot', () => {
    const unit = serviceGuardUnit('10.96.0.0/16', api);
    expect(unit).toContain('ExecStart=/usr/sbin/iptables -w -t filter -A OUTPUT -d 10.96.0.0/16 -j REJECT');
    expect(unit).toContain('ExecStart=/usr/sbin/iptables -w -t filter -A FORWARD -d 10.96.0.0/16 -j REJECT');
    expect(unit).toMatch(/Type=oneshot[\s\S]*WantedBy=multi-user.target/);
    expect(unit).toContain('Before=kubelet.service');
  });

  it('routes the kubernetes Service to the API endpoint from the node and from pods, masquerading only that', () => {
    const unit = serviceGuardUnit('10.96.0.0/16', api);
    const kubernetes = '-d 10.96.0.1/32 -p tcp --dport 443';
    expect(unit).toContain(`-t nat -A OUTPUT ${kubernetes} -j DNAT --to-destination 172.20.5.10:6443`);
    expect(unit).toContain(`-t nat -A PREROUTING ${kubernetes} -j DNAT --to-destination 172.20.5.10:6443`);
    const mark = unit.match(/PREROUTING .* -j CONNMARK --set-xmark (\S+)/)?.[1];
    expect(mark).toBeDefined();
    expect(unit).toContain(`-t nat -A POSTROUTING -m connmark --mark ${String(mark)} -j MASQUERADE`);
  });
});

describe('kubernetesServiceAddress', () => {
  it('is the first address of the service subnet', () => {
    expect(kubernetesServiceAddress('10.96.0.0/16')).toBe('10.96.0.1');
    expect(kubernetesServiceAddress('172.30.8.0/22')).toBe('172.30.8.1');
  });
});
