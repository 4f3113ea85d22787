// Words for a window, not a terminal. Messages from main are written for the CLI (flags such
// as --site FILE and --set key=VALUE, `code` in backticks, regular expressions, file paths
// into docs/); these helpers turn them into what a person reading the app can act on.

const acronyms: Record<string, string> = {
  api: 'API',
  cpu: 'CPU',
  cpus: 'CPUs',
  dns: 'DNS',
  id: 'ID',
  ip: 'IP',
  tkc: 'TKC',
  tkgi: 'TKGI',
  url: 'URL',
  vm: 'VM',
};

/** A camelCase, kebab-case or dotted key as a label: defaultClass → "Default class". */
export function humanizeKey(key: string): string {
  const last = key.split('.').pop() ?? key;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) => acronyms[word.toLowerCase()] ?? word.toLowerCase());
  const [first = '', ...rest] = words;
  const head = acronyms[first.toLowerCase()] ?? first.charAt(0).toUpperCase() + first.slice(1);
  return [head, ...rest].join(' ');
}

/** "1 error", "2 errors"; irregular plurals are passed in. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

// CLI phrases in messages and what the window offers instead. Order matters: the whole
// "give it in --site FILE or with --set k=V" sentence first, then the pieces.
const cliPhrases: [RegExp, string][] = [
  [
    /give (it|them) (?:in|with) (?:a site file )?\(?--site FILE(?:, see docs\/export\.md\))? or (?:one by one )?with --set [^\s;,)]+/g,
    'fill $1 in under Site inputs',
  ],
  [/Give it with --site FILE or --set section\.key=value\./g, 'Fill it in under Site inputs.'],
  [/\(?--site FILE\)?/g, 'a site file'],
  [/--set ([A-Za-z0-9_.-]+)=\S+/g, 'the $1 field'],
  [/--set\b/g, 'the form'],
  [/--retain\b/g, 'Keep on failure'],
  [/must match (?:pattern )?"?\^\S*\$"?/g, 'is not in the expected format'],
];

/** A message from main in GUI wording; `labels` turns site keys (vks.vmClass) into labels. */
export function guiMessage(text: string, labels: Record<string, string> = {}): string {
  let out = text;
  for (const [pattern, replacement] of cliPhrases) out = out.replace(pattern, replacement);
  for (const [key, label] of Object.entries(labels)) out = out.split(key).join(label);
  return out;
}

export type RichSegment =
  { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'doc'; text: string; route: string };

/** Docs the app can show itself (see DocPage), by their path in the repository. */
export const IN_APP_DOCS: Record<string, string> = { 'docs/export.md': '/docs/export' };

/** Splits text into plain runs, `code` runs (backticks dropped) and links to in-app docs. */
export function richSegments(text: string): RichSegment[] {
  const segments: RichSegment[] = [];
  const parts = text.split('`');
  parts.forEach((part, index) => {
    if (part === '') return;
    // An odd index sits between two backticks; a lone trailing backtick is kept as text.
    if (index % 2 === 1 && index < parts.length - 1) {
      segments.push({ kind: 'code', text: part });
      return;
    }
    const plain = index % 2 === 1 ? `\`${part}` : part;
    for (const piece of plain.split(/(docs\/[a-z-]+\.md)/)) {
      if (piece === '') continue;
      const route = IN_APP_DOCS[piece];
      segments.push(route ? { kind: 'doc', text: piece, route } : { kind: 'text', text: piece });
    }
  });
  return segments;
}
