import { describe, expect, it } from 'vitest';
import { isCapabilityRefusal, NONPRIVILEGED_ENV, securityFlags } from '../../../main/engine/docker/security-flags.js';

describe('securityFlags', () => {
  it('uses --privileged where the probe says it works, without the fallback env', () => {
    const flags = securityFlags('privileged', { libModules: true });
    expect(flags.env).toEqual([]);
    expect(flags.hostConfig).toEqual({
      Privileged: true,
      SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
      Tmpfs: { '/tmp': '', '/run': '' },
      CgroupnsMode: 'private',
      Binds: ['/lib/modules:/lib/modules:ro'],
    });
  });

  it('uses the probed fallback set otherwise and tells the entrypoint', () => {
    const flags = securityFlags('fallback', { libModules: false });
    expect(flags.env).toEqual([NONPRIVILEGED_ENV]);
    expect(flags.hostConfig).toEqual({
      CapAdd: ['ALL'],
      CapDrop: ['SYS_RESOURCE'],
      SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
      MaskedPaths: [],
      ReadonlyPaths: [],
      DeviceCgroupRules: ['a *:* rwm'],
      Devices: [{ PathOnHost: '/dev/kmsg', PathInContainer: '/dev/kmsg', CgroupPermissions: 'rwm' }],
      CgroupnsMode: 'private',
      Tmpfs: { '/tmp': '', '/run': '' },
    });
    expect(flags.hostConfig).not.toHaveProperty('Privileged');
  });

  it('binds /lib/modules only when the host has it', () => {
    expect(securityFlags('fallback', { libModules: true }).hostConfig.Binds).toEqual(['/lib/modules:/lib/modules:ro']);
    expect(securityFlags('privileged', { libModules: false }).hostConfig.Binds).toBeUndefined();
  });

  it('recognises runc’s refusal to apply capabilities', () => {
    expect(
      isCapabilityRefusal(
        'OCI runtime create failed: runc create failed: unable to start container process: unable to apply caps: operation not permitted: unknown',
      ),
    ).toBe(true);
    expect(isCapabilityRefusal('No such image: foo')).toBe(false);
  });
});
