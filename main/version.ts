// Slipway's version, read from package.json so there is one place to change it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = require('../package.json') as { version: string };

export const SLIPWAY_VERSION: string = manifest.version;
