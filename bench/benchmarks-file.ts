// Each benchmark script owns one "## Title" section of BENCHMARKS.md and rewrites only that,
// formatted as the repository's format check expects.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';

const FILE = 'BENCHMARKS.md';

/** Replace (or append) the section that starts with `## title`; `body` follows the heading. */
export async function writeSection(title: string, body: readonly string[]): Promise<void> {
  const section = [`## ${title}`, '', ...body, ''].join('\n');
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n\n';
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`## ${escaped}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(FILE, await format(next, { parser: 'markdown', filepath: FILE }));
}
