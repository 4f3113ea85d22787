// Node --import hook for the main-entry smoke test: resolves `electron` to a recording fake,
// so the real bundled dist/app/main.js runs as plain Node.
import { register } from 'node:module';

register('./resolve-electron.js', import.meta.url);
