// Keeps docs/export.md true: every block between `<!-- export-docs: WHAT -->` and
// `<!-- /export-docs -->` is regenerated from the real code. WHAT is one of
//   slipway ARGS...   the CLI run in-process: the command, its stdout and its stderr
//   file PATH         a repository file, verbatim
//   issue-codes       the table of issue codes (main/export/issue-codes.ts)
//   addon-mappings    what each add-on becomes on each target (main/export/addons)
// `npm run docs:export` rewrites the file; a unit test fails while it is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../main/cli/run.js';
import { addonMapping } from '../main/export/addons/mapping.js';
import { EXPORT_TARGETS, ISSUE_CODES } from '../main/export/index.js';
import { KNOWN_ADDONS } from '../main/spec/known-addons.js';

export const EXPORT_DOCS = 'docs/export.md';
const BLOCK = /(<!-- export-docs: (.+?) -->\n)[\s\S]*?(<!-- \/export-docs -->)/g;
const IGNORE_START = '<!-- prettier-ignore-start -->\n';
const IGNORE_END = '<!-- prettier-ignore-end -->\n';

/** docs/export.md with every generated block brought up to date. */
export async function renderExportDocs(markdown: string, root: string): Promise<string> {
  const blocks = [...markdown.matchAll(BLOCK)];
  const bodies = await Promise.all(blocks.map((block) => generate(block[2] ?? '', root)));
  let index = 0;
  // Generated text is kept verbatim: prettier would requote the YAML it shows.
  return markdown.replace(
    BLOCK,
    (_whole, open: string, _what: string, close: string) =>
      `${open}${IGNORE_START}${bodies[index++] ?? ''}${IGNORE_END}${close}`,
  );
}

async function generate(what: string, root: string): Promise<string> {
  const [kind = '', ...rest] = what.split(' ');
  if (kind === 'slipway') return cliBlock(rest, root);
  if (kind === 'file') return fence(language(rest[0] ?? ''), readFileSync(join(root, rest[0] ?? ''), 'utf8'));
  if (kind === 'issue-codes') return issueCodesTable();
  if (kind === 'addon-mappings') return addonMappingsTable();
  throw new Error(`unknown export-docs block: ${what}`);
}

async function cliBlock(args: string[], root: string): Promise<string> {
  // Paths are written relative to the repository; run with them made absolute.
  const argv = args.map((arg) => (existsSync(join(root, arg)) ? join(root, arg) : arg));
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  });
  stdout = stdout.replaceAll(`${root}/`, '');
  stderr = stderr.replaceAll(`${root}/`, '');
  const command = fence('console', `$ slipway ${args.join(' ')}\n`);
  const output = stdout === '' ? '' : fence(args.includes('import') ? 'yaml' : stdoutLanguage(stdout), stdout);
  const status = exitCode === 0 ? '' : ` (exit status ${String(exitCode)})`;
  return `${command}\n${output === '' ? '' : `${output}\n`}Standard error${status}:\n\n${fence('text', stderr)}`;
}

function stdoutLanguage(stdout: string): string {
  return /^# ===== \S+\.(json|sh): /m.test(stdout) ? 'text' : 'yaml';
}

function language(path: string): string {
  return path.endsWith('.yaml') ? 'yaml' : 'text';
}

function fence(lang: string, text: string): string {
  return `\`\`\`${lang}\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\`\n`;
}

function issueCodesTable(): string {
  const rows = Object.entries(ISSUE_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`);
  return ['| code | meaning |', '| --- | --- |', ...rows, ''].join('\n');
}

function addonMappingsTable(): string {
  const header = `| add-on | ${EXPORT_TARGETS.join(' | ')} |`;
  const rows = KNOWN_ADDONS.map(
    (addon) =>
      `| \`${addon}\` | ${EXPORT_TARGETS.map((target) => addonMapping(addon, target).message.replace(/\|/g, '\\|')).join(' | ')} |`,
  );
  return [header, `| --- |${EXPORT_TARGETS.map(() => ' --- |').join('')}`, ...rows, ''].join('\n');
}

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const path = join(root, EXPORT_DOCS);
  const updated = await renderExportDocs(readFileSync(path, 'utf8'), root);
  writeFileSync(path, updated);
  console.log(`wrote ${EXPORT_DOCS}`);
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) await main();
