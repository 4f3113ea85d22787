// Zod compiles fast validators with `new Function` unless told not to; the renderer's CSP
// forbids eval, and even Zod's probe for it would be reported as a violation. Imported
// first by main.ts so it applies before any schema runs.
import { config } from 'zod';

config({ jitless: true });
