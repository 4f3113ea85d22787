// Loads site inputs strictly: the YAML site file is validated on its own first (problems
// point at its lines), then each `--set section.key=value` is applied on top and a bad value
// is reported against its own --set argument.
import { SpecInvalid } from '../../errors.js';
import { parseYamlDocument, type ParsedYaml } from '../../spec/yaml-document.js';
import { SiteSetInvalid } from '../errors.js';
import { zodIssuesToProblems } from '../zod-problems.js';
import { siteInputsSchema, type SiteInputs } from './schema.js';
import { applySiteSets, blameSets, parseSiteSet, tableSetProblems } from './set-arguments.js';

export interface SiteSource {
  /** Site file text, if a file was given. */
  text?: string;
  /** Name to show in problems, e.g. the file path. */
  sourceName?: string;
  /** `section.key=value` pairs, applied after the file. */
  sets?: readonly string[];
}

const SITE_HINT = 'see "Site inputs" in docs/export.md';

/** Parse and validate the file, then apply and validate the sets; throws SpecInvalid, SiteSetInvalid or UsageError. */
export function loadSiteInputs(source: SiteSource): SiteInputs {
  const file = source.text === undefined ? {} : loadSiteFile(source.text, source.sourceName);
  const sets = (source.sets ?? []).map(parseSiteSet);
  if (sets.length === 0) return file;
  const tables = tableSetProblems(sets);
  const applied = sets.filter((set) => !tables.some((rejected) => rejected.argument === set.argument));
  const result = siteInputsSchema.safeParse(applySiteSets(file, applied), { reportInput: true });
  if (result.success && tables.length === 0) return result.data;
  const invalid = result.success ? [] : blameSets(zodIssuesToProblems(result.error.issues), applied);
  // Reported in the order the arguments were given.
  const position = (argument: string) => sets.findIndex((set) => set.argument === argument);
  const rejected = [...tables, ...invalid].sort((a, b) => position(a.argument) - position(b.argument));
  throw new SiteSetInvalid(rejected, { hint: SITE_HINT });
}

/** The site file alone, validated, with problems at their lines. */
function loadSiteFile(text: string, sourceName = 'site file'): SiteInputs {
  // An empty or comment-only site file means "no site inputs", not an error.
  if (text.replace(/#.*$/gm, '').trim() === '') return {};
  const parsed = parseYamlDocument(text);
  if (parsed.problems.length > 0) throw new SpecInvalid(parsed.problems, { source: sourceName, hint: SITE_HINT });
  if (!isMapping(parsed.value)) {
    const position = parsed.positionOf([]) ?? { line: 1, column: 1 };
    const message = 'a site file must be a mapping with sections capi, vks, tkgi or gke';
    throw new SpecInvalid([{ path: '', message, ...position }], { source: sourceName, hint: SITE_HINT });
  }
  const result = siteInputsSchema.safeParse(parsed.value, { reportInput: true });
  if (result.success) return result.data;
  throw new SpecInvalid(zodIssuesToProblems(result.error.issues, parsed), { source: sourceName, hint: SITE_HINT });
}

function isMapping(value: ParsedYaml['value']): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
