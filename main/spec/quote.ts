// Quotes text taken from a user's document or command line for use inside a message, so that
// newlines, escape codes and other control characters in it can neither split a message line
// nor forge one.

const MAX_QUOTED = 80;

/** `text` as a double-quoted JSON string, control characters escaped, long text shortened. */
export function quote(text: string, max = MAX_QUOTED): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return escapeControlCharacters(JSON.stringify(shown));
}

/**
 * Control characters as \uXXXX escapes: C0 and DEL, C1 (U+009B is a CSI on some terminals)
 * and the Unicode line separators. JSON.stringify escapes only the C0 ones.
 */
export function escapeControlCharacters(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    escaped += isControl(code) ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }
  return escaped;
}

export function hasControlCharacters(text: string): boolean {
  for (const char of text) if (isControl(char.charCodeAt(0))) return true;
  return false;
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}
