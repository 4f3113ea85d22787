import { describe, expect, it } from 'vitest';
import { serviceGuardUnit } from '../../../main/engine/service-guard.js';

describe('serviceGuardUnit', () => {
  it('refuses un-rewritten Service traffic on both local and forwarded paths, at every boot', () => {
    const unit = serviceGuardUnit('10.96.0.0/16');
    expect(unit).toContain('ExecStart=/usr/sbin/iptables -w -A OUTPUT -d 10.96.0.0/16 -j REJECT');
    expect(unit).toContain('ExecStart=/usr/sbin/iptables -w -A FORWARD -d 10.96.0.0/16 -j REJECT');
    expect(unit).toMatch(/Type=oneshot[\s\S]*WantedBy=multi-user.target/);
    expect(unit).toContain('Before=kubelet.service');
  });
});
