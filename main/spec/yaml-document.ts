// Parses one YAML document strictly and maps paths back to line and column, so that every
// problem a validator finds can point at the offending text.
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Problem } from '../errors.js';
import { formatPath, type PathSegment } from './problem-path.js';
import { checkYamlKeys, nodeAtPath, tooDeep } from './yaml-keys.js';

export interface ParsedYaml {
  /** The plain JavaScript value, or undefined when parsing failed. */
  value: unknown;
  problems: Problem[];
  /** Line and column of the node at a path (the key itself when `atKey`). */
  positionOf(path: readonly PathSegment[], atKey?: boolean): { line: number; column: number } | undefined;
}

const MAX_BYTES = 1024 * 1024;

export function parseYamlDocument(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const noPosition = () => undefined;
  if (text.length > MAX_BYTES) {
    return {
      value: undefined,
      positionOf: noPosition,
      problems: [{ path: '', message: 'the document is larger than 1 MiB; a cluster spec is a few hundred lines' }],
    };
  }
  if (text.includes('\u0000')) {
    return {
      value: undefined,
      positionOf: noPosition,
      problems: [{ path: '', message: 'the file is binary, not YAML text' }],
    };
  }
  // YAML 1.1's extra types (!!binary, !!set, ...) are not resolved: their tags are reported.
  const documents = parseAllDocuments(text, {
    lineCounter,
    // Duplicate keys are found by checkYamlKeys in linear time (the parser's check is quadratic).
    uniqueKeys: false,
    prettyErrors: false,
    resolveKnownTags: false,
  });
  // A stray `---` at the end (or a document of only comments) is not a second document.
  const docs = (Array.isArray(documents) ? documents : []).filter((doc) => !isEmptyDocument(doc));
  if (docs.length !== 1) {
    const message =
      docs.length === 0
        ? 'the file is empty; it must hold one YAML document'
        : `the file holds ${String(docs.length)} YAML documents; put one document in each file`;
    return { value: undefined, positionOf: noPosition, problems: [{ path: '', message }] };
  }
  const doc = docs[0] as Document.Parsed;
  const syntax = [...doc.errors].map((error): Problem => {
    const pos = lineCounter.linePos(error.pos[0]);
    // The parser reports a stack overflow on hostile nesting as this code: say what it means.
    const message = error.code === 'RESOURCE_EXHAUSTION' ? tooDeep() : `YAML syntax: ${firstLine(error.message)}`;
    return { path: '', message, line: pos.line, column: pos.col };
  });
  // Loading is strict: what the parser only warns about (unknown tags, an unsupported %YAML
  // version) would otherwise change the meaning of the document silently.
  const warnings = [...doc.warnings].map((warning): Problem => {
    const pos = lineCounter.linePos(warning.pos[0]);
    const fix = warning.code === 'TAG_RESOLVE_FAILED' ? '; remove the tag: only plain YAML is read' : '';
    return { path: '', message: `YAML: ${firstLine(warning.message)}${fix}`, line: pos.line, column: pos.col };
  });
  if (syntax.length + warnings.length > 0)
    return { value: undefined, positionOf: noPosition, problems: [...syntax, ...warnings] };
  const keys = checkYamlKeys(doc);
  if (keys.problems.length > 0) {
    const problems = keys.problems.map((problem): Problem => {
      const pos = lineCounter.linePos(problem.offset);
      const prefix = problem.message.startsWith('Map keys') ? 'YAML syntax: ' : '';
      return {
        path: formatPath(problem.path),
        message: `${prefix}${problem.message}`,
        line: pos.line,
        column: pos.col,
      };
    });
    return { value: undefined, positionOf: noPosition, problems };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return {
      value: undefined,
      positionOf: noPosition,
      problems: [{ path: '', message: `YAML: ${firstLine(String(error))}` }],
    };
  }
  const positionOf = (path: readonly PathSegment[], atKey = false) => {
    const node = nodeAtPath(doc, keys.index, path, atKey);
    const range = node?.range;
    if (!range) return undefined;
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  return { value, problems: [], positionOf };
}

/** A document with no content at all (not even an explicit null), e.g. after a final `---`. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return (
    doc.errors.length === 0 &&
    isScalar(contents) &&
    contents.value === null &&
    contents.source === '' &&
    contents.tag === undefined
  );
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

export { formatPath };
