// What `slipway validate` does (registered in ./validate-command.ts, loaded when the verb runs).
import { ExitCode, SpecInvalid } from '../../errors.js';
import { validateClusterSpecTextWithBundles } from '../../addons/spec-checks.js';
import type { CliContext } from '../context.js';
import { SilentExit } from '../silent-exit.js';
import { CLUSTER_SPEC_FILE, readInputFile } from '../read-input.js';
import type { OutputFlags } from '../options.js';

export interface ValidateFlags extends OutputFlags {
  file: string;
}

/** Check the spec file (and its add-ons against their bundles) and print the verdict. */
export async function runValidate(context: CliContext, flags: ValidateFlags): Promise<void> {
  const text = await readInputFile(flags.file, '--file', { what: CLUSTER_SPEC_FILE, signal: context.signal });
  const result = await validateClusterSpecTextWithBundles(text);
  if (flags.output === 'json') {
    context.stdout(
      `${JSON.stringify(result.ok ? { valid: true, spec: result.spec } : { valid: false, problems: result.problems }, null, 2)}\n`,
    );
    if (!result.ok) throw new SilentExit(ExitCode.invalidInput);
    return;
  }
  if (!result.ok) throw new SpecInvalid(result.problems, { source: flags.file });
  context.stdout(`${flags.file}: valid (cluster "${result.spec.metadata.name}")\n`);
}
