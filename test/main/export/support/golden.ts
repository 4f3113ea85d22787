// Golden files for outputs with no schema (tkgi and gcloud commands, Terraform JSON). Run the
// tests with UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const goldenDir = join(import.meta.dirname, '..', 'golden');

/** Compare `actual` with golden/<name>, or rewrite it when UPDATE_GOLDEN=1. */
export function expectGolden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`golden file ${file} is missing; run the test with UPDATE_GOLDEN=1 to create it`);
  expect(actual, `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
}
