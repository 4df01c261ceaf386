// Files generated from code must not drift from it: the JSON Schemas editors use and rules/README.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, renderJsonSchema } from '../../src/rules/json-schema.ts';
import { renderRulesReadme } from '../../src/rules/readme.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('generated files are current', () => {
  it.each(Object.keys(jsonSchemas) as (keyof typeof jsonSchemas)[])('schema/%s (npm run schemas)', (name) => {
    expect(read(`schema/${name}`) === renderJsonSchema(name), `schema/${name} is stale: run npm run schemas`).toBe(true);
  });

  it('rules/README.md (npm run rules:readme)', () => {
    expect(read('rules/README.md') === renderRulesReadme(), 'rules/README.md is stale: run npm run rules:readme').toBe(true);
  });
});
