import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../main/errors.js';
import { outputPathError, withOutputPath } from '../../../../main/export/files/output-path-error.js';

const systemError = (code: string) => Object.assign(new Error(`${code}: failed`), { code, syscall: 'open' });

describe('outputPathError', () => {
  it.each([
    ['EEXIST', 'a file with that name is in the way'],
    ['ENOTDIR', 'a part of the path is a file, not a directory'],
    ['EISDIR', 'is a directory'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'read-only file system'],
  ])('turns %s into a usage error naming the flag and the path', (code, reason) => {
    const error = outputPathError(systemError(code), '-o', 'out/');
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toBe(`-o out/: ${reason}`);
    expect(error?.exitCode).toBe(2);
  });

  it('leaves other failures alone, and errors that are not system calls', () => {
    expect(outputPathError(systemError('ENOSPC'), '-o', 'out/')).toBeUndefined();
    expect(outputPathError(Object.assign(new Error('x'), { code: 'EACCES' }), '-o', 'out/')).toBeUndefined();
    expect(outputPathError(new UsageError('already a usage error'), '-o', 'out/')).toBeUndefined();
  });

  it('rethrows through withOutputPath', async () => {
    await expect(withOutputPath('-o', 'spec.yaml', () => Promise.reject(systemError('EACCES')))).rejects.toThrow(
      '-o spec.yaml: permission denied',
    );
    const other = systemError('ENOSPC');
    await expect(withOutputPath('-o', 'spec.yaml', () => Promise.reject(other))).rejects.toBe(other);
  });
});
