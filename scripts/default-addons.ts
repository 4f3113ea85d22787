// Prints the add-ons the embedded default cluster installs, space-separated, so
// scripts/quickstart.sh builds the images of exactly those (main/spec/known-addons.ts).
import { DEFAULT_ADDONS } from '../main/spec/known-addons.js';

process.stdout.write(`${DEFAULT_ADDONS.join(' ')}\n`);
