// Errors raised at the IPC edge, and the conversion of any thrown value into an error value
// the renderer can branch on by `code`. Stacks and causes stay in main; only what a person
// needs crosses (message, hint, problems, failed step and command).
import {
  CommandFailed,
  ExitCode,
  SlipwayError,
  SpecInvalid,
  StepFailed,
  findCause,
  toSlipwayError,
  type Problem,
} from '../errors.js';
import { IpcErrorCodes, type IpcErrorValue } from './contract.js';

const MAX_STDERR_CHARS = 4000;

/** A payload failed validation in main; `problems` lists every one with its path. */
export class InvalidPayload extends SlipwayError {
  override readonly code = IpcErrorCodes.invalidPayload;
  override readonly exitCode = ExitCode.invalidInput;
  readonly problems: readonly Problem[];

  constructor(channel: string, problems: readonly Problem[]) {
    super(
      `invalid payload for ${channel}: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`,
    );
    this.problems = problems;
  }
}

/** The renderer asked for a channel the contract does not have. */
export class UnknownChannel extends SlipwayError {
  override readonly code = IpcErrorCodes.unknownChannel;
  override readonly exitCode = ExitCode.invalidInput;
}

/** A feature this engine or build does not offer (yet); the UI explains instead of faking. */
export class FeatureUnavailable extends SlipwayError {
  override readonly code = IpcErrorCodes.notAvailable;
}

/** Converts any thrown value into the value sent to the renderer. */
export function toIpcErrorValue(thrown: unknown): IpcErrorValue {
  const error = toSlipwayError(thrown);
  const value: IpcErrorValue = {
    code: thrown instanceof SlipwayError ? error.code : IpcErrorCodes.internal,
    name: error.name,
    message: error.message,
  };
  const hint = error.hint ?? hintFromCause(error);
  if (hint) value.hint = hint;
  if (error instanceof SpecInvalid || error instanceof InvalidPayload) value.problems = [...error.problems];
  if (error instanceof StepFailed) value.step = error.step;
  const failed = findCause(error, CommandFailed);
  if (failed) {
    value.command = [...failed.command];
    value.stderr = failed.stderr.slice(-MAX_STDERR_CHARS);
  }
  return value;
}

/** Rebuilds a typed error from an error value (for code that prefers exceptions). */
export class IpcFailure extends Error {
  readonly code: string;
  readonly value: IpcErrorValue;

  constructor(value: IpcErrorValue) {
    super(value.message);
    this.name = value.name;
    this.code = value.code;
    this.value = value;
  }
}

function hintFromCause(error: SlipwayError): string | undefined {
  // A failed step often wraps the typed error that knows the fix (e.g. EngineUnavailable).
  const cause: unknown = error.cause;
  return cause instanceof SlipwayError ? cause.hint : undefined;
}
