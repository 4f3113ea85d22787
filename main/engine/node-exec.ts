// Running commands in nodes as steps need them: output as text, non-zero exits as
// CommandFailed naming the node, so the CLI prints the failing command once with its stderr.
import { CommandFailed } from '../errors.js';
import type { ExecOptions, Provider } from './provider.js';

/** Run in a node and return stdout; throws CommandFailed on a non-zero exit. */
export async function runInNode(
  provider: Provider,
  node: string,
  command: readonly string[],
  options: ExecOptions = {},
): Promise<Buffer> {
  const result = await provider.exec(node, command, options);
  if (result.exitCode !== 0) {
    throw new CommandFailed({
      command,
      exitCode: result.exitCode,
      stdout: result.stdout.toString('utf8'),
      stderr: result.stderr.toString('utf8'),
      where: node,
    });
  }
  return result.stdout;
}

/** Same as runInNode, decoded as UTF-8 text. */
export async function readFromNode(
  provider: Provider,
  node: string,
  command: readonly string[],
  options: ExecOptions = {},
): Promise<string> {
  return (await runInNode(provider, node, command, options)).toString('utf8');
}

/** Write `content` to `path` in a node, creating its directory. */
export async function writeNodeFile(
  provider: Provider,
  node: string,
  path: string,
  content: string,
  signal?: AbortSignal,
): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  await runInNode(provider, node, ['sh', '-c', `mkdir -p '${dir}' && cat > '${path}'`], { stdin: content, signal });
}

/** kubectl inside a control-plane node, with the admin credentials that never leave it. */
export function kubectlCommand(args: readonly string[]): string[] {
  return ['kubectl', '--kubeconfig=/etc/kubernetes/admin.conf', ...args];
}
