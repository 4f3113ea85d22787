// Each benchmark script owns one "## Title" section of BENCHMARKS.md and rewrites only that.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'BENCHMARKS.md';

/** Replace (or append) the section that starts with `## title`; `body` follows the heading. */
export function writeSection(title: string, body: readonly string[]): void {
  const section = [`## ${title}`, '', ...body, ''].join('\n');
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n\n';
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`## ${escaped}\\n[\\s\\S]*?(?=\\n## |$)`);
  writeFileSync(FILE, pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`);
}
