// Kubernetes memory quantities (512Mi, 2Gi, 2G, 1073741824): the one parser the spec, the
// engine's container limits and the export size tables share.

/** A positive whole number with an optional binary (Ki…Ti) or decimal (K…T) suffix. */
export const MEMORY_QUANTITY_PATTERN = /^([1-9]\d*)(Ki|Mi|Gi|Ti|K|M|G|T)?$/;

const unitBytes: Record<string, number> = {
  '': 1,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** Bytes of a memory quantity such as 512Mi or 2G, or undefined when it is not one. */
export function quantityBytes(quantity: string): number | undefined {
  const match = MEMORY_QUANTITY_PATTERN.exec(quantity);
  if (!match) return undefined;
  return Number(match[1]) * (unitBytes[match[2] ?? ''] ?? 1);
}
