import fc from 'fast-check';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { quoteShellWord, renderShellCommand } from '../../../main/export/shell-quote.js';

describe('shell quoting', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(quoteShellWord('--node-labels=tier=general,pool=a')).toBe('--node-labels=tier=general,pool=a');
    expect(quoteShellWord('a b')).toBe("'a b'");
    expect(quoteShellWord("it's")).toBe("'it'\\''s'");
    expect(quoteShellWord('')).toBe("''");
    expect(quoteShellWord('$HOME')).toBe("'$HOME'");
  });

  it('puts each option of a long command on its own line', () => {
    const argv = [
      'gcloud',
      'container',
      'clusters',
      'create',
      'demo',
      '--project=team-a-prod',
      '--location=europe-west1',
      '--num-nodes',
      '3',
    ];
    expect(renderShellCommand(argv)).toBe(
      'gcloud container clusters create demo \\\n  --project=team-a-prod \\\n  --location=europe-west1 \\\n  --num-nodes 3',
    );
    expect(renderShellCommand(['tkgi', 'get-credentials', 'demo'])).toBe('tkgi get-credentials demo');
  });

  it('round-trips any argument vector through a real POSIX shell', async () => {
    const words = fc.array(
      fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '$', '\\', '`', '*', '-', '=', '\n', ';', 'é') }),
      { minLength: 1, maxLength: 5 },
    );
    const samples = fc.sample(words, 40);
    for (const argv of samples) {
      const script = `printf '%s\\0' ${renderShellCommand(['--flag', ...argv])}`;
      const { stdout } = await execa('sh', ['-c', script], { stripFinalNewline: false });
      expect(stdout.split('\0').slice(0, -1)).toEqual(['--flag', ...argv]);
    }
  });
});
