// Thrown by a command that already printed its result (e.g. JSON problems on stdout) and only
// needs a non-zero exit status.
import type { ExitCode } from '../errors.js';

export class SilentExit extends Error {
  constructor(readonly exitCode: ExitCode) {
    super(`exit ${String(exitCode)}`);
  }
}
