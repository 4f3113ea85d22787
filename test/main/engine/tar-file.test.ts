import { execa } from 'execa';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFileInTar } from '../../../main/engine/docker/tar-file.js';

async function tarOf(entries: string[], cwd: string): Promise<Buffer> {
  const { stdout } = await execa('tar', ['-cf', '-', ...entries], { cwd, encoding: 'buffer' });
  return Buffer.from(stdout);
}

describe('firstFileInTar', () => {
  it('reads the file of a single-file archive, as the archive API returns it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-tar-'));
    writeFileSync(join(dir, 'version'), 'v1.34.4\n');
    expect((await tarOf(['version'], dir)).length).toBeGreaterThan(512);
    expect(firstFileInTar(await tarOf(['version'], dir))?.toString()).toBe('v1.34.4\n');
  });

  it('skips directory entries and reads a file larger than one block', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-tar-'));
    mkdirSync(join(dir, 'd'));
    const big = 'x'.repeat(1500);
    writeFileSync(join(dir, 'd', 'f'), big);
    expect(firstFileInTar(await tarOf(['d'], dir))?.toString()).toBe(big);
  });

  it('returns undefined for an empty archive', () => {
    expect(firstFileInTar(Buffer.alloc(1024))).toBeUndefined();
  });
});
