// The node image build skips work when the hash of a step's inputs is unchanged, so the hash
// must change with every input that matters and with nothing else.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const lib = resolve(import.meta.dirname, '../../images/node/scripts/lib.sh');

/** Runs hash_inputs from lib.sh in `root` with the given arguments. */
function hashInputs(root: string, args: string[]): string {
  const script = `set -euo pipefail; source "$1"; shift; hash_inputs "$@"`;
  return execFileSync('bash', ['-c', script, 'hash', lib, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

describe('hash_inputs', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'node-image-hash-'));
    mkdirSync(join(root, 'rootfs/etc'), { recursive: true });
    writeFileSync(join(root, 'rootfs/etc/a.conf'), 'a = 1\n');
    writeFileSync(join(root, 'build.sh'), 'echo build\n');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is a sha256 that repeats for the same inputs', () => {
    const first = hashInputs(root, ['rootfs', 'build.sh', '--', 'v1.34.4']);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInputs(root, ['rootfs', 'build.sh', '--', 'v1.34.4'])).toBe(first);
  });

  it('does not depend on the order of the paths', () => {
    expect(hashInputs(root, ['build.sh', 'rootfs'])).toBe(hashInputs(root, ['rootfs', 'build.sh']));
  });

  it('does not depend on where the tree lives', () => {
    const before = hashInputs(root, ['rootfs', '--', 'x']);
    const moved = `${root}-moved`;
    renameSync(root, moved);
    try {
      expect(hashInputs(moved, ['rootfs', '--', 'x'])).toBe(before);
    } finally {
      renameSync(moved, root);
    }
  });

  it('changes with file content, file mode, file names and new files', () => {
    const base = hashInputs(root, ['rootfs']);
    writeFileSync(join(root, 'rootfs/etc/a.conf'), 'a = 2\n');
    const edited = hashInputs(root, ['rootfs']);
    expect(edited).not.toBe(base);

    chmodSync(join(root, 'rootfs/etc/a.conf'), 0o755);
    const executable = hashInputs(root, ['rootfs']);
    expect(executable).not.toBe(edited);

    renameSync(join(root, 'rootfs/etc/a.conf'), join(root, 'rootfs/etc/b.conf'));
    const renamed = hashInputs(root, ['rootfs']);
    expect(renamed).not.toBe(executable);

    writeFileSync(join(root, 'rootfs/etc/c.conf'), '');
    expect(hashInputs(root, ['rootfs'])).not.toBe(renamed);
  });

  it('changes with the values after --, which stay distinct from paths', () => {
    const v1 = hashInputs(root, ['rootfs', '--', 'v1.34.4']);
    expect(hashInputs(root, ['rootfs', '--', 'v1.34.5'])).not.toBe(v1);
    expect(hashInputs(root, ['rootfs'])).not.toBe(v1);
    expect(hashInputs(root, ['--', 'build.sh'])).not.toBe(hashInputs(root, ['build.sh']));
  });

  it('fails when a named path does not exist', () => {
    expect(() => hashInputs(root, ['missing', '--', 'x'])).toThrow();
  });
});
