import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Conflict, HostProblem, SpecInvalid } from '../../../main/errors.js';
import {
  assertDiskSpace,
  assertPortsFree,
  assertVersion,
  requiredFreeBytes,
} from '../../../main/engine/create/preflight-checks.js';
import { parseKubeVersion, type KubeVersion } from '../../../main/engine/kubeadm/version.js';
import { specOf } from './spec-fixtures.js';

const GiB = 2 ** 30;

function version(text: string): KubeVersion {
  const parsed = parseKubeVersion(text);
  if (!parsed) throw new Error(text);
  return parsed;
}

describe('assertDiskSpace', () => {
  it('refuses too little free space as a host problem naming the directory', async () => {
    const error = await assertDiskSpace('/var/lib/docker', 3, () => Promise.resolve(2 * GiB)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostProblem);
    expect((error as HostProblem).message).toMatch(
      /only 2\.0 GiB free in \/var\/lib\/docker; 3 nodes need about 5 GiB/,
    );
  });

  it('accepts enough space, and skips when nothing can be measured', async () => {
    await expect(assertDiskSpace('/d', 3, () => Promise.resolve(requiredFreeBytes(3)))).resolves.toBeUndefined();
    await expect(assertDiskSpace(undefined, 3, () => Promise.reject(new Error('no')))).resolves.toBeUndefined();
    await expect(assertDiskSpace('/remote', 3, () => Promise.reject(new Error('ENOENT')))).resolves.toBeUndefined();
  });
});

describe('assertPortsFree', () => {
  it('refuses a mapped host port that is in use, naming the field (exit 2)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const error = await assertPortsFree(
        specOf('demo', { portMappings: [{ hostPort: port, containerPort: 80 }] }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).exitCode).toBe(2);
      expect((error as Conflict).message).toContain(`host port ${String(port)}/TCP on 127.0.0.1 is in use`);
      await expect(assertPortsFree(specOf('demo', { networking: { apiServerPort: port } }))).rejects.toThrow(
        /apiServerPort|in use/,
      );
    } finally {
      server.close();
    }
  });

  it('accepts free ports', async () => {
    await expect(assertPortsFree(specOf('demo'))).resolves.toBeUndefined();
  });
});

describe('assertVersion', () => {
  const v = version('v1.34.4');

  it('accepts an image of the requested version or when none is requested', () => {
    expect(() => {
      assertVersion(specOf('demo'), 'img', v);
    }).not.toThrow();
    expect(() => {
      assertVersion(specOf('demo', { kubernetesVersion: 'v1.34.4' }), 'img', v);
    }).not.toThrow();
  });

  it('refuses a mismatch and too old a release, with the field path', () => {
    expect(() => {
      assertVersion(specOf('demo', { kubernetesVersion: 'v1.33.1' }), 'img', v);
    }).toThrow(SpecInvalid);
    const old = version('v1.25.3');
    const error = (() => {
      try {
        assertVersion(specOf('demo'), 'old-img', old);
      } catch (e) {
        return e as SpecInvalid;
      }
      return undefined;
    })();
    expect(error?.problems[0]?.path).toBe('spec.nodeImage');
  });
});
