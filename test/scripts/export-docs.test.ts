// docs/export.md shows real exporter output: it must equal what the exporters produce now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS, ISSUE_CODES } from '../../main/export/index.js';
import { EXPORT_DOCS, renderExportDocs } from '../../scripts/export-docs.js';

const root = join(import.meta.dirname, '../..');
const markdown = readFileSync(join(root, EXPORT_DOCS), 'utf8');

describe('docs/export.md', () => {
  it('matches the current exporter output (npm run docs:export regenerates it)', async () => {
    expect(await renderExportDocs(markdown, root)).toBe(markdown);
  }, 60_000);

  it.each(EXPORT_TARGETS)('has a worked example for --target %s', (target) => {
    expect(markdown).toMatch(new RegExp(`<!-- export-docs: slipway export -f \\S+ --target ${target}( |\\s*-->)`));
  });

  it('lists every issue code', () => {
    for (const code of Object.keys(ISSUE_CODES)) expect(markdown).toContain(`| \`${code}\``);
  });

  it('shows no failed command', () => {
    expect(markdown).not.toMatch(/exit status [12]/);
  });
});
