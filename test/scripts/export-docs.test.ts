// docs/export.md and the README's export examples show real exporter output: they must equal
// what the exporters produce now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS, ISSUE_CODES } from '../../main/export/index.js';
import { EXPORT_DOCS, EXPORT_DOCS_FILES, renderExportDocs } from '../../scripts/export-docs.js';

const root = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const markdown = read(EXPORT_DOCS);
const readme = read('README.md');

describe('docs/export.md', () => {
  it('has a worked example for every target', () => {
    for (const target of EXPORT_TARGETS)
      expect(markdown).toMatch(new RegExp(`<!-- export-docs: slipway export -f \\S+ --target ${target}( |\\s*-->)`));
  });

  it('lists every issue code', () => {
    for (const code of Object.keys(ISSUE_CODES)) expect(markdown).toContain(`| \`${code}\``);
  });

  it('shows no failed command', () => {
    expect(markdown).not.toMatch(/exit status [12]/);
  });
});

describe('README.md', () => {
  it.each(EXPORT_TARGETS)('has a short export example for --target %s', (target) => {
    const block = new RegExp(
      `<!-- export-docs: excerpt \\S+ \\d+ slipway export -f \\S+ --target ${target}( [^>]*)?-->\\n<!-- prettier-ignore-start -->\\n\`\`\`console\\n\\$ slipway export [^\\n]+\\n# ===== `,
    );
    expect(readme).toMatch(block);
  });

  it('keeps the examples short: excerpts, not whole documents', () => {
    const excerpts = [...readme.matchAll(/<!-- export-docs: excerpt [\s\S]*?<!-- \/export-docs -->/g)];
    expect(excerpts).toHaveLength(EXPORT_TARGETS.length);
    for (const [excerpt] of excerpts) expect(excerpt.split('\n').length).toBeLessThan(30);
  });
});

describe('excerpt blocks', () => {
  it('show the command, N lines of one document from a given line, and the summary', async () => {
    const block = [
      '<!-- export-docs: excerpt kind-config.yaml@nodes: 2 slipway export -f examples/ha.yaml --target kind -->',
      '<!-- /export-docs -->',
      '',
    ].join('\n');
    const rendered = await renderExportDocs(block, root);
    const lines = rendered.split('\n');
    expect(lines.slice(2, 8)).toEqual([
      '```console',
      '$ slipway export -f examples/ha.yaml --target kind',
      '# ===== kind-config.yaml: kind cluster config (kind create cluster --config kind-config.yaml)',
      expect.stringMatching(/^# … \d+ earlier lines$/) as string,
      'nodes:',
      '  - role: control-plane',
    ]);
    expect(lines[8]).toMatch(/^# … \d+ more lines$/);
    expect(lines[9]).toMatch(/^export of ha-demo to kind: 1 document, 0 errors, /);
  });

  it('refuse a command that fails, so the README never shows one', async () => {
    const block =
      '<!-- export-docs: excerpt cluster.yaml 5 slipway export -f examples/ha.yaml --target capi -->\n<!-- /export-docs -->\n';
    await expect(renderExportDocs(block, root)).rejects.toThrow('exited with 2');
  });
});

describe.each(EXPORT_DOCS_FILES)('%s', (file) => {
  const text = read(file);

  it('matches the current exporter output (npm run docs:export regenerates it)', async () => {
    expect(await renderExportDocs(text, root)).toBe(text);
  }, 60_000);
});
