// Runs the CLI in-process with captured output, for tests of verbs that need no engine.
import { runCli, type RunCliOptions } from '../../../main/cli/run.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCliCaptured(argv: string[], options: Omit<RunCliOptions, 'io'> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
    ...options,
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  });
  return { exitCode, stdout, stderr };
}
