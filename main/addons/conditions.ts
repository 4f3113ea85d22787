// Evaluates the `when` conditions of phases and outputs: tiny, declarative, and only on
// parameters and on which add-ons are enabled (never on live cluster state).
import { isDeepStrictEqual } from 'node:util';
import type { When } from './bundle-schema.js';
import type { ParameterValues } from './parameters.js';

/** True when a `when` condition holds (an absent condition always holds). */
export function conditionHolds(
  when: When | undefined,
  params: ParameterValues,
  enabledAddons: readonly string[],
): boolean {
  if (!when) return true;
  if (when.addonEnabled !== undefined) return enabledAddons.includes(when.addonEnabled);
  const value = params[when.param ?? ''];
  if (when.in !== undefined) return when.in.some((candidate) => isDeepStrictEqual(candidate, value));
  if ('equals' in when) return isDeepStrictEqual(when.equals, value);
  return Boolean(value);
}
