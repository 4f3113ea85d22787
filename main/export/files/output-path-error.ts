// Turns a file-system failure on an output path named on the command line (`-o DIR`,
// `-o FILE`) into a usage error that names the flag: the user picked the path, so a path
// that is a file, a directory, missing or read-only is theirs to fix (exit status 2).
import { UsageError } from '../../errors.js';

// The errno codes that mean "this path cannot be used", with what to tell the user.
const UNUSABLE_PATH: Record<string, string> = {
  EEXIST: 'a file with that name is in the way',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory',
  ENOENT: 'the folder it goes in does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

/** A UsageError naming `flag` and `path` for an unusable-path failure; undefined for any other error. */
export function outputPathError(error: unknown, flag: string, path: string): UsageError | undefined {
  // Only system-call failures carry an errno code; Slipway's own errors pass through.
  const failure = error as NodeJS.ErrnoException | undefined;
  const reason =
    typeof failure?.syscall === 'string' && failure.code !== undefined ? UNUSABLE_PATH[failure.code] : undefined;
  if (reason === undefined) return undefined;
  return new UsageError(`${flag} ${path}: ${reason}`, {
    cause: error,
    hint: `pass ${flag} a path you can write to`,
  });
}

/** Run `work`, rethrowing unusable-path failures as usage errors that name `flag`. */
export async function withOutputPath<T>(flag: string, path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw outputPathError(error, flag, path) ?? error;
  }
}
