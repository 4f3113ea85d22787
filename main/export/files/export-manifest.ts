// The small record `slipway export -o DIR` keeps in DIR (.slipway-export.json): which files
// the last export wrote and a hash of each, so the next export can remove the ones it no
// longer produces, and only those, and only while nobody has changed them.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const EXPORT_MANIFEST_FILE = '.slipway-export.json';

export interface ExportManifest {
  writtenBy: 'slipway export';
  target: string;
  /** File name → sha256 of the content written. */
  files: Record<string, string>;
}

/** sha256 of a file's content, hex. */
export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The manifest for files about to be written. */
export function exportManifest(target: string, files: Readonly<Record<string, string>>): ExportManifest {
  const hashes = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, contentHash(content)]));
  return { writtenBy: 'slipway export', target, files: hashes };
}

/** The manifest a previous export left in `dir`; undefined when there is none or it is not ours. */
export async function readExportManifest(dir: string): Promise<ExportManifest | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(dir, EXPORT_MANIFEST_FILE), 'utf8'));
  } catch {
    // Missing or unreadable: then nothing in DIR is known to be ours, and nothing is removed.
    return undefined;
  }
  const candidate = parsed as Partial<ExportManifest> | null;
  if (candidate?.writtenBy !== 'slipway export' || typeof candidate.files !== 'object') return undefined;
  const files = Object.entries(candidate.files ?? {}).filter(
    (entry): entry is [string, string] => isPlainFileName(entry[0]) && typeof entry[1] === 'string',
  );
  return { writtenBy: 'slipway export', target: String(candidate.target), files: Object.fromEntries(files) };
}

// A name recorded in the manifest must stay inside DIR: no separators, no `.` or `..`.
function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}
