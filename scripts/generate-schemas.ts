// Writes the published JSON Schemas (schemas/*.schema.json) from their Zod sources.
// `npm run schema:generate` after changing a schema; a unit test fails while a file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSchemas } from './published-schemas.js';

const root = join(import.meta.dirname, '..');
for (const [file, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(join(root, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
