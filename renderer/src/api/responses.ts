// Small helpers for {result} | {error} values, so components branch without casts.
import type { IpcErrorValue, IpcResponse } from '../../../main/ipc/contract.js';

/** The error of a response, or undefined. */
export function errorOf<T>(response: IpcResponse<T>): IpcErrorValue | undefined {
  return 'error' in response ? response.error : undefined;
}

/** The result of a response, or undefined. */
export function resultOf<T>(response: IpcResponse<T>): T | undefined {
  return 'result' in response ? response.result : undefined;
}
