// Loads site inputs strictly: a YAML site file, then `--set section.key=value` on top, then
// one validation pass that reports every problem with its path (and line, for the file).
import { SpecInvalid, UsageError } from '../../errors.js';
import { parseYamlDocument, type ParsedYaml } from '../../spec/yaml-document.js';
import { zodIssuesToProblems } from '../zod-problems.js';
import { siteInputsSchema, type SiteInputs } from './schema.js';

export interface SiteSource {
  /** Site file text, if a file was given. */
  text?: string;
  /** Name to show in problems, e.g. the file path. */
  sourceName?: string;
  /** `section.key=value` pairs, applied after the file. */
  sets?: readonly string[];
}

/** Parse, merge and validate site inputs, or throw SpecInvalid / UsageError. */
export function loadSiteInputs(source: SiteSource): SiteInputs {
  const parsed = source.text === undefined ? undefined : parseSiteText(source.text, source.sourceName);
  const merged = applySiteSets(parsed?.value ?? {}, source.sets ?? []);
  const result = siteInputsSchema.safeParse(merged);
  if (result.success) return result.data;
  const problems = zodIssuesToProblems(result.error.issues, parsed);
  throw new SpecInvalid(problems, {
    source: source.sourceName ?? '--set',
    hint: 'see "Site inputs" in docs/export.md',
  });
}

function parseSiteText(text: string, sourceName?: string): ParsedYaml {
  // An empty or comment-only site file means "no site inputs", not an error.
  if (text.replace(/#.*$/gm, '').trim() === '') return { value: {}, problems: [], positionOf: () => undefined };
  const parsed = parseYamlDocument(text);
  if (parsed.problems.length > 0) throw new SpecInvalid(parsed.problems, { source: sourceName ?? 'site file' });
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecInvalid(
      [{ path: '', message: 'a site file must be a mapping with sections capi, vks, tkgi or gke' }],
      { source: sourceName },
    );
  }
  return parsed;
}

/** Apply `section.key=value` pairs to a plain site object (returns a new object). */
export function applySiteSets(value: unknown, sets: readonly string[]): unknown {
  const root = structuredClone(value) as Record<string, unknown>;
  for (const pair of sets) {
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    const parts = key.split('.');
    if (at < 0 || parts.length !== 2 || parts.some((part) => part === '')) {
      throw new UsageError(`--set ${pair}: expected section.key=value, such as vks.vmClass=best-effort-medium`);
    }
    const [section = '', field = ''] = parts;
    const current = root[section];
    const target =
      current !== null && typeof current === 'object' && !Array.isArray(current)
        ? (current as Record<string, unknown>)
        : {};
    target[field] = pair.slice(at + 1);
    root[section] = target;
  }
  return root;
}
