// Writes schema/*.json from the zod schemas: `npm run schemas`. test/schema.test.ts fails when they are stale.
import { writeFileSync } from 'node:fs';
import { jsonSchemas, renderJsonSchema } from '../src/rules/json-schema.ts';

for (const name of Object.keys(jsonSchemas) as (keyof typeof jsonSchemas)[]) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), renderJsonSchema(name));
  console.log(`schema/${name}`);
}
