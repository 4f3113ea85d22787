// Reads the plain manifests of a bundle phase: files or folders (every *.yaml inside, in name
// order), each holding one or more YAML documents that must be Kubernetes objects.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Problem } from '../errors.js';

/** One Kubernetes object as written in a bundle, with where it came from. */
export interface ManifestDocument {
  /** Path relative to the bundle folder, e.g. manifests/10-rbac.yaml. */
  file: string;
  /** Position of the document inside its file (0-based). */
  index: number;
  object: Record<string, unknown>;
}

export interface ManifestLoadResult {
  documents: ManifestDocument[];
  problems: Problem[];
}

/** Load every document named by a phase's `manifests` list. */
export async function loadPhaseManifests(
  bundleDir: string,
  entries: readonly string[],
  problemPath: string,
): Promise<ManifestLoadResult> {
  const documents: ManifestDocument[] = [];
  const problems: Problem[] = [];
  for (const [index, entry] of entries.entries()) {
    const files = await expandEntry(bundleDir, entry);
    if (files.length === 0) {
      problems.push({
        path: `${problemPath}[${String(index)}]`,
        message: `${entry}: no such file or folder with .yaml files in the bundle`,
      });
      continue;
    }
    for (const file of files) {
      const result = await loadManifestFile(bundleDir, file);
      documents.push(...result.documents);
      problems.push(...result.problems);
    }
  }
  return { documents, problems };
}

async function expandEntry(bundleDir: string, entry: string): Promise<string[]> {
  const path = join(bundleDir, entry);
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((name) => name.endsWith('.yaml')).sort();
  return names.map((name) => join(path, name));
}

async function loadManifestFile(bundleDir: string, path: string): Promise<ManifestLoadResult> {
  const file = relative(bundleDir, path);
  const text = await readFile(path, 'utf8');
  const documents: ManifestDocument[] = [];
  const problems: Problem[] = [];
  parseAllDocuments(text, { uniqueKeys: true }).forEach((doc, index) => {
    const where = `${file}#${String(index)}`;
    if (doc.errors.length > 0) {
      problems.push({ path: where, message: `YAML syntax: ${doc.errors[0]?.message.split('\n')[0] ?? 'invalid'}` });
      return;
    }
    let object: unknown;
    try {
      object = doc.toJS({ maxAliasCount: 0 });
    } catch {
      problems.push({
        path: where,
        message: 'YAML aliases (&anchor / *alias) are not allowed in bundle manifests; write the value out',
      });
      return;
    }
    if (object === null || object === undefined) return;
    const objectProblem = describeObjectProblem(object);
    if (objectProblem) problems.push({ path: where, message: objectProblem });
    else documents.push({ file, index, object: object as Record<string, unknown> });
  });
  return { documents, problems };
}

function describeObjectProblem(object: unknown): string | undefined {
  if (typeof object !== 'object' || Array.isArray(object) || object === null)
    return 'each document must be a Kubernetes object (a mapping)';
  const record = object as Record<string, unknown>;
  const metadata = record.metadata as Record<string, unknown> | undefined;
  if (typeof record.apiVersion !== 'string' || typeof record.kind !== 'string')
    return 'a Kubernetes object needs apiVersion and kind';
  if (typeof metadata?.name !== 'string' || metadata.name === '') return `${record.kind} needs metadata.name`;
  if (record.kind === 'List') return 'List objects are not supported; write one document per object';
  return undefined;
}
