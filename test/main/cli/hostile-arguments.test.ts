// Property tests at the command line: generated --set arguments (prototype keys, control
// characters, odd shapes) for export and addons enable, and generated spec files for validate.
// Each run exits 0, 1 or 2 with its errors on stderr, never writes a raw control character to
// the terminal and never touches Object.prototype; none of them reaches an engine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/engine/types.js';
import { hasControlCharacters } from '../../../main/spec/quote.js';
import { runCliCaptured } from './run-cli.js';

const root = join(import.meta.dirname, '../../..');
const minimal = join(root, 'examples', 'minimal.yaml');
const pristinePrototype = Object.getOwnPropertyNames(Object.prototype).sort();

// Bad input must be refused before a cluster is contacted.
const noEngine = (): Promise<Engine> => Promise.reject(new Error('the engine was used'));

const keyPart = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'vks', 'capi', 'gke', 'vmClass', 'role', 'hostPort'),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('\u001b[31m', '\u0007', '\n', '\u009b'),
);
const setArgument = fc
  .tuple(
    fc.array(keyPart, { minLength: 1, maxLength: 3 }),
    fc.oneof(fc.string({ maxLength: 10 }), fc.json({ maxDepth: 2 })),
  )
  .map(([keys, value]) => `${keys.join('.')}=${value}`);

function expectSafe(result: { exitCode: number; stderr: string }): void {
  expect([0, 1, 2]).toContain(result.exitCode);
  expect(hasControlCharacters(result.stderr.replaceAll('\n', ''))).toBe(false);
  expect(result.stderr).not.toContain('the engine was used');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(pristinePrototype);
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

describe('the CLI under generated hostile arguments', { timeout: 240_000 }, () => {
  it('export --set', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(setArgument, { minLength: 1, maxLength: 3 }), async (sets) => {
        const argv = ['export', '-f', minimal, '--target', 'vks', ...sets.flatMap((set) => ['--set', set])];
        expectSafe(await runCliCaptured(argv, { createEngine: noEngine }));
      }),
      { numRuns: 150 },
    );
  });

  it('addons enable --set refuses before any engine use when a key is hostile', async () => {
    const hostile = fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 6 }))
      .map(([internal, rest]) => `${internal}.${rest || 'x'}=1`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, setArgument), async (set) => {
        const result = await runCliCaptured(['addons', 'enable', 'demo', 'dashboard', '--set', set], {
          createEngine: noEngine,
        });
        expect([0, 1, 2]).toContain(result.exitCode);
        expect(hasControlCharacters(result.stderr.replaceAll('\n', ''))).toBe(false);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(pristinePrototype);
      }),
      { numRuns: 150 },
    );
  });

  it('validate -f with generated documents holding prototype keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-hostile-'));
    const document = fc
      .dictionary(
        fc.oneof(keyPart, fc.constantFrom('apiVersion', 'kind', 'metadata', 'spec')),
        fc.json({ maxDepth: 3 }),
        {
          maxKeys: 5,
        },
      )
      .map((value) => JSON.stringify(value));
    let count = 0;
    await fc.assert(
      fc.asyncProperty(document, async (text) => {
        const file = join(dir, `spec-${String(count++)}.yaml`);
        writeFileSync(file, text);
        expectSafe(await runCliCaptured(['validate', '-f', file], { createEngine: noEngine }));
      }),
      { numRuns: 150 },
    );
  });
});
