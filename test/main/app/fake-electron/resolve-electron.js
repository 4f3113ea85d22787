// Module resolution hook: `electron` → ./fake-electron.js; everything else unchanged.
export function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./fake-electron.js', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
