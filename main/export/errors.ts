// Typed errors of the export edge: the CLI refuses an export whose issues include errors.
import { ExitCode, SlipwayError, SpecInvalid, type SlipwayErrorOptions } from '../errors.js';
import type { RejectedSet } from './site/set-arguments.js';
import type { ExportIssue, ExportTarget } from './types.js';

/** Required site inputs are missing; `keys` names every one (e.g. vks.vmClass). */
export class SiteInputMissing extends SlipwayError {
  override readonly code = 'SITE_INPUT_MISSING';
  override readonly exitCode = ExitCode.invalidInput;
  readonly target: ExportTarget;
  readonly keys: readonly string[];

  constructor(target: ExportTarget, keys: readonly string[]) {
    super(`export to ${target} needs site inputs: ${keys.join(', ')}`, {
      hint: `give them in a site file (--site FILE, see docs/export.md) or one by one with --set ${keys[0] ?? 'section.key'}=VALUE`,
    });
    this.target = target;
    this.keys = keys;
  }
}

/** The export found errors other than missing site inputs (e.g. a control-plane count). */
export class ExportRefused extends SlipwayError {
  override readonly code = 'EXPORT_REFUSED';
  override readonly exitCode = ExitCode.invalidInput;
  readonly target: ExportTarget;
  readonly errors: readonly ExportIssue[];

  constructor(target: ExportTarget, errors: readonly ExportIssue[]) {
    const count = errors.length === 1 ? '1 error' : `${String(errors.length)} errors`;
    super(`export to ${target} refused: ${count} (listed above)`);
    this.target = target;
    this.errors = errors;
  }
}

/**
 * `--set` values that do not validate. `problems` keep the site keys as paths (the desktop
 * app shows each under its field); `rejected` pairs each with the argument that gave it.
 */
export class SiteSetInvalid extends SpecInvalid {
  readonly rejected: readonly RejectedSet[];

  constructor(rejected: readonly RejectedSet[], options: SlipwayErrorOptions = {}) {
    super(
      rejected.map((found) => found.problem),
      { ...options, source: '--set' },
    );
    this.rejected = rejected;
  }
}
