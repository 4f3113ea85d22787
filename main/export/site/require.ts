// Reads site inputs an exporter needs. A missing key becomes a REQUIRES_SITE_INPUT error that
// names it, and a visible placeholder keeps the document readable for the UI preview.
import { issue } from '../issues.js';
import type { ExportIssue } from '../types.js';
import type { SiteInputs } from './schema.js';

type SectionName = keyof SiteInputs;
type Section<S extends SectionName> = NonNullable<SiteInputs[S]>;
type StringKey<S extends SectionName> = {
  [K in keyof Section<S>]-?: NonNullable<Section<S>[K]> extends string ? K : never;
}[keyof Section<S>] &
  string;

/** The placeholder written where a required site input is missing. */
export function sitePlaceholder(key: string): string {
  return `<${key}>`;
}

/** A required string site input, or its placeholder plus an issue saying why it is needed. */
export function requireSiteInput<S extends SectionName>(
  site: SiteInputs | undefined,
  section: S,
  key: StringKey<S>,
  why: string,
  issues: ExportIssue[],
): string {
  const sectionValues = site?.[section] as Record<string, unknown> | undefined;
  const value = sectionValues?.[key];
  if (typeof value === 'string') return value;
  const name = `${section}.${key}`;
  issues.push(
    issue('REQUIRES_SITE_INPUT', 'error', name, `${why}; give it in --site FILE or with --set ${name}=VALUE`, name),
  );
  return sitePlaceholder(name);
}
