// Reads a file named on the command line ('-' for standard input), turning I/O failures into
// usage errors that name the argument.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

export async function readInputFile(path: string, flag: string): Promise<string> {
  try {
    if (path === '-') return await readStdin();
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`${flag} ${path}: ${reason}`, {
      hint: `pass the path of a cluster spec YAML file to ${flag}`,
    });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
