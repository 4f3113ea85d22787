// E2E prerequisites: a missing one skips the test loudly, and fails it when CI=true (CI
// must never pass by skipping).
export interface Prerequisite {
  name: string;
  ok: boolean;
  fix: string;
}

/** The reason to skip, or undefined when everything is there; throws on CI. */
export function skipReason(prerequisites: Prerequisite[]): string | undefined {
  const missing = prerequisites.filter((prerequisite) => !prerequisite.ok);
  if (missing.length === 0) return undefined;
  const reason = missing.map((prerequisite) => `${prerequisite.name} is missing (${prerequisite.fix})`).join('; ');
  if (process.env.CI === 'true') throw new Error(`UI e2e cannot run on CI: ${reason}`);
  process.stderr.write(`\n*** SKIPPING UI E2E: ${reason} ***\n\n`);
  return reason;
}
