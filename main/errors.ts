// Typed errors shared by the engine, the CLI and the desktop app. Callers branch on `code`
// and on the structured fields, never on message text; the edge (CLI line, UI panel) prints
// each error once.

/** Exit status contract of the CLI (docs/cli.md#exit-statuses). */
export const ExitCode = { ok: 0, runtime: 1, invalidInput: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface SlipwayErrorOptions {
  cause?: unknown;
  /** A sentence telling the user what to do about it. */
  hint?: string;
}

/** Base class: every error Slipway raises on purpose has a stable code and an exit status. */
export class SlipwayError extends Error {
  readonly code: string = 'SLIPWAY_ERROR';
  readonly exitCode: ExitCode = ExitCode.runtime;
  readonly hint?: string;

  constructor(message: string, options: SlipwayErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** Bad flags, arguments or values given on the command line or over IPC. */
export class UsageError extends SlipwayError {
  override readonly code = 'USAGE';
  override readonly exitCode = ExitCode.invalidInput;
}

/** One problem found in a document, with the path of the offending field. */
export interface Problem {
  /** Dotted path with indices, e.g. `spec.workers[1].taints[0].effect`; empty for the document. */
  path: string;
  message: string;
  /** 1-based position in the source text when known. */
  line?: number;
  column?: number;
}

/** A document (cluster spec, bundle, site file) failed validation; `problems` lists every one. */
export class SpecInvalid extends SlipwayError {
  override readonly code = 'SPEC_INVALID';
  override readonly exitCode = ExitCode.invalidInput;
  readonly problems: readonly Problem[];
  readonly source?: string;

  constructor(problems: readonly Problem[], options: SlipwayErrorOptions & { source?: string } = {}) {
    const where = options.source ? `${options.source}: ` : '';
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${where}invalid (${count})`, options);
    this.problems = problems;
    this.source = options.source;
  }
}

/** A host-side requirement is missing (Docker not running, too little disk, port in use). */
export class HostProblem extends SlipwayError {
  override readonly code: string = 'HOST_PROBLEM';
}

/** The container engine cannot be reached. */
export class EngineUnavailable extends HostProblem {
  override readonly code = 'ENGINE_UNAVAILABLE';
}

/** A named thing (cluster, add-on, node) does not exist. */
export class NotFound extends SlipwayError {
  override readonly code = 'NOT_FOUND';
  override readonly exitCode = ExitCode.invalidInput;
}

/** The request clashes with what exists (name taken, add-on conflict, port already mapped). */
export class Conflict extends SlipwayError {
  override readonly code = 'CONFLICT';
  override readonly exitCode = ExitCode.invalidInput;
}

/** A step of a long task failed; `step` names it and `cause` keeps the underlying error. */
export class StepFailed extends SlipwayError {
  override readonly code = 'STEP_FAILED';
  readonly step: string;

  constructor(step: string, cause: unknown, options: SlipwayErrorOptions = {}) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${step}: ${reason}`, { ...options, cause });
    this.step = step;
  }
}

/** A command run on the host or inside a node exited non-zero. */
export class CommandFailed extends SlipwayError {
  override readonly code = 'COMMAND_FAILED';
  readonly command: readonly string[];
  readonly commandExitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;

  constructor(init: {
    command: readonly string[];
    exitCode: number | null;
    stdout?: string;
    stderr?: string;
    where?: string;
  }) {
    const where = init.where ? ` on ${init.where}` : '';
    const tail = (init.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
    super(`\`${init.command.join(' ')}\`${where} exited with ${String(init.exitCode)}${tail ? `: ${tail}` : ''}`);
    this.command = init.command;
    this.commandExitCode = init.exitCode;
    this.stdout = init.stdout ?? '';
    this.stderr = init.stderr ?? '';
  }
}

/** The work was cancelled (Ctrl-C, the UI's cancel button, an AbortSignal). */
export class Cancelled extends SlipwayError {
  override readonly code = 'CANCELLED';
}

/** Narrow an unknown thrown value to a SlipwayError, wrapping anything else. */
export function toSlipwayError(error: unknown): SlipwayError {
  if (error instanceof SlipwayError) return error;
  if (error instanceof Error) return new SlipwayError(error.message, { cause: error });
  return new SlipwayError(String(error));
}

/** How many causes deep findCause looks: wrappers nest a few levels, never more. */
const MAX_CAUSE_DEPTH = 5;

/** The first error of a type in the chain error, error.cause, error.cause.cause, … */
export function findCause<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
  return undefined;
}
