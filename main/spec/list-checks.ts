// Checks over list items (uniqueness and clashes). They also run when other fields of the list
// are invalid, so that one pass reports every problem; they therefore read the items
// defensively: an item that failed its own checks arrives as the raw input.
import type { z } from 'zod';
import { quote } from './quote.js';

/** Refinement option: run even when the value already has problems of its own. */
export const alwaysCheck = { when: () => true };

/** A plain object's field, or undefined for anything else. */
export function fieldOf(item: unknown, field: string): unknown {
  return item !== null && typeof item === 'object' && !Array.isArray(item)
    ? (item as Record<string, unknown>)[field]
    : undefined;
}

/** Report each item whose `field` repeats an earlier item's (strings are quoted in messages). */
export function uniqueField(field: string, message: (shown: string, firstIndex: number) => string) {
  return (items: readonly unknown[], ctx: z.RefinementCtx<unknown[]>) => {
    if (!Array.isArray(items)) return;
    const seen = new Map<string, number>();
    items.forEach((item: unknown, index) => {
      const value = fieldOf(item, field);
      if (typeof value !== 'string' && typeof value !== 'number') return;
      const key = `${typeof value}:${String(value)}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, field],
          message: message(typeof value === 'string' ? quote(value) : String(value), first),
        });
    });
  };
}
