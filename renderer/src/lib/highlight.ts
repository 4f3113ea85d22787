// A tiny syntax highlighter for the export preview: YAML, JSON and shell split into tokens
// per line. Components render tokens as text in spans, never as HTML, so exported content
// cannot inject markup.
export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'comment' | 'punct' | 'flag' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

export type Language = 'yaml' | 'json' | 'shell' | 'text';

const scalarKind = (text: string): TokenKind => {
  const value = text.trim();
  if (/^(true|false|null|~|yes|no)$/i.test(value)) return 'literal';
  if (/^-?\d+(\.\d+)?$/.test(value)) return 'number';
  if (/^(["']).*\1$/.test(value)) return 'string';
  return 'plain';
};

function yamlLine(line: string): Token[] {
  const tokens: Token[] = [];
  const comment = /(^|\s)#.*$/.exec(line);
  const body = comment ? line.slice(0, comment.index + (comment[1] ?? '').length) : line;
  const match = /^(\s*(?:-\s+)*)([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')(:)(\s|$)(.*)$/.exec(body);
  if (/^---\s*$/.test(body) || /^\.\.\.\s*$/.test(body)) tokens.push({ kind: 'punct', text: body });
  else if (match) {
    const [, indent = '', key = '', colon = '', space = '', rest = ''] = match;
    tokens.push({ kind: 'plain', text: indent }, { kind: 'key', text: key }, { kind: 'punct', text: colon + space });
    if (rest) tokens.push({ kind: scalarKind(rest), text: rest });
  } else {
    const item = /^(\s*-\s+)(.*)$/.exec(body);
    if (item)
      tokens.push({ kind: 'punct', text: item[1] ?? '' }, { kind: scalarKind(item[2] ?? ''), text: item[2] ?? '' });
    else tokens.push({ kind: scalarKind(body), text: body });
  }
  if (comment) tokens.push({ kind: 'comment', text: line.slice(body.length) });
  return tokens.filter((token) => token.text !== '');
}

function jsonLine(line: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],])|(\s+)|(.)/g;
  for (const match of line.matchAll(pattern)) {
    if (match[1] !== undefined) {
      tokens.push({ kind: match[2] ? 'key' : 'string', text: match[1] });
      if (match[2]) tokens.push({ kind: 'punct', text: match[2] });
    } else if (match[3] !== undefined) tokens.push({ kind: 'number', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'literal', text: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: 'punct', text: match[5] });
    else tokens.push({ kind: 'plain', text: match[0] });
  }
  return tokens;
}

function shellLine(line: string): Token[] {
  if (/^\s*#/.test(line)) return [{ kind: 'comment', text: line }];
  const tokens: Token[] = [];
  for (const match of line.matchAll(/('[^']*'|"(?:[^"\\]|\\.)*")|(\s--?[A-Za-z][\w-]*)|([^'"\s]+|\s+)/g)) {
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'flag', text: match[2] });
    else tokens.push({ kind: 'plain', text: match[0] });
  }
  return tokens;
}

/** Tokens for every line of a text in a language. */
export function highlight(text: string, language: Language): Token[][] {
  const lines = text.replace(/\n$/, '').split('\n');
  const tokenise =
    language === 'yaml'
      ? yamlLine
      : language === 'json'
        ? jsonLine
        : language === 'shell'
          ? shellLine
          : (line: string) => [{ kind: 'plain' as const, text: line }];
  return lines.map((line) => tokenise(line));
}
