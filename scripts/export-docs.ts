// Keeps docs/export.md and the README's export examples true: every block between
// `<!-- export-docs: WHAT -->` and `<!-- /export-docs -->` is regenerated from the real code.
// WHAT is one of
//   slipway ARGS...   the CLI run in-process: the command, its stdout and its stderr
//   excerpt DOC[@TEXT] N slipway ARGS...
//                     the same, cut short: N lines of document DOC (from the first line with
//                     TEXT), then the summary line of the issues
//   file PATH         a repository file, verbatim
//   issue-codes       the table of issue codes (main/export/issue-codes.ts)
//   addon-mappings    what each add-on becomes on each target (main/export/addons)
// `npm run docs:export` rewrites both files; a unit test fails while either is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../main/cli/run.js';
import { addonEquivalent, addonMapping } from '../main/export/addons/mapping.js';
import { EXPORT_TARGETS, ISSUE_CODES, type ExportTarget } from '../main/export/index.js';
import { KNOWN_ADDONS, type AddonName } from '../main/spec/known-addons.js';

export const EXPORT_DOCS = 'docs/export.md';
/** Every file with generated export blocks. */
export const EXPORT_DOCS_FILES = [EXPORT_DOCS, 'README.md'] as const;
const BLOCK = /(<!-- export-docs: (.+?) -->\n)[\s\S]*?(<!-- \/export-docs -->)/g;
const IGNORE_START = '<!-- prettier-ignore-start -->\n';
const IGNORE_END = '<!-- prettier-ignore-end -->\n';

/** A markdown file (docs/export.md, README.md) with every generated block brought up to date. */
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
  if (kind === 'excerpt') return excerptBlock(rest, root);
  if (kind === 'file') return fence(language(rest[0] ?? ''), readFileSync(join(root, rest[0] ?? ''), 'utf8'));
  if (kind === 'issue-codes') return issueCodesTable();
  if (kind === 'addon-mappings') return addonMappingsTable();
  throw new Error(`unknown export-docs block: ${what}`);
}

interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function runSlipway(args: readonly string[], root: string): Promise<CliRun> {
  // Paths are written relative to the repository; run with them made absolute.
  const argv = args.map((arg) => (existsSync(join(root, arg)) ? join(root, arg) : arg));
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  });
  return { exitCode, stdout: stdout.replaceAll(`${root}/`, ''), stderr: stderr.replaceAll(`${root}/`, '') };
}

async function cliBlock(args: string[], root: string): Promise<string> {
  const { exitCode, stdout, stderr } = await runSlipway(args, root);
  const command = fence('console', `$ slipway ${args.join(' ')}\n`);
  const output = stdout === '' ? '' : fence(args.includes('import') ? 'yaml' : stdoutLanguage(stdout), stdout);
  const status = exitCode === 0 ? '' : ` (exit status ${String(exitCode)})`;
  return `${command}\n${output === '' ? '' : `${output}\n`}Standard error${status}:\n\n${fence('text', stderr)}`;
}

/**
 * `excerpt DOC[@TEXT] N slipway ARGS`: the command, N lines of document DOC (from its first
 * line containing TEXT, when given) and the summary line of the issues.
 */
async function excerptBlock([where = '', lines = '', marker = '', ...args]: string[], root: string): Promise<string> {
  if (marker !== 'slipway' || !/^\d+$/.test(lines)) throw new Error(`bad excerpt block: ${where} ${lines} ${marker}`);
  const run = await runSlipway(args, root);
  if (run.exitCode !== 0) throw new Error(`slipway ${args.join(' ')} exited with ${String(run.exitCode)}`);
  const [document = '', from] = where.split('@');
  const [header = '', ...body] = documentSection(run.stdout, document);
  const start = from === undefined ? 0 : body.findIndex((line) => line.includes(from));
  if (start < 0) throw new Error(`no line with ${from ?? ''} in ${document}`);
  const shown = body.slice(start, start + Number(lines));
  const after = body.length - start - shown.length;
  const summary = run.stderr.trimEnd().split('\n').at(-1) ?? '';
  const skipped = (count: number, where: string) =>
    count > 0 ? [`# … ${String(count)} ${where} line${count === 1 ? '' : 's'}`] : [];
  const output = [header, ...skipped(start, 'earlier'), ...shown, ...skipped(after, 'more'), summary];
  return fence('console', [`$ slipway ${args.join(' ')}`, ...output, ''].join('\n'));
}

/** The lines of one document of the printed stream, from its `# ===== DOC:` header on. */
function documentSection(stdout: string, document: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`# ===== ${document}: `));
  if (start < 0) throw new Error(`no document ${document} in the output`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('# ===== '));
  const section = lines.slice(start, end < 0 ? undefined : end);
  while (section.length > 0 && ['', '---'].includes(section.at(-1) ?? '')) section.pop();
  return section;
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

/** The bundle's own equivalent (its `exports:` hint) in bold, then what the export does. */
function mappingCell(addon: AddonName, target: ExportTarget): string {
  const equivalent = addonEquivalent(addon, target);
  const message = addonMapping(addon, target).message;
  return equivalent?.with ? `**${equivalent.with}** (${equivalent.action}): ${message}` : message;
}

function addonMappingsTable(): string {
  const header = `| add-on | ${EXPORT_TARGETS.join(' | ')} |`;
  const rows = KNOWN_ADDONS.map(
    (addon) =>
      `| \`${addon}\` | ${EXPORT_TARGETS.map((target) => mappingCell(addon, target).replace(/\|/g, '\\|')).join(' | ')} |`,
  );
  return [header, `| --- |${EXPORT_TARGETS.map(() => ' --- |').join('')}`, ...rows, ''].join('\n');
}

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  for (const file of EXPORT_DOCS_FILES) {
    const path = join(root, file);
    writeFileSync(path, await renderExportDocs(readFileSync(path, 'utf8'), root));
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) await main();
