// Writes rules/README.md from the rule files and rules/coverage/*.md: `npm run rules:readme`.
// test/rules/generated-files.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRulesDir } from '../src/rules/load.ts';
import { renderRulesReadme } from '../src/rules/readme.ts';

writeFileSync(join(defaultRulesDir, 'README.md'), renderRulesReadme());
console.log('rules/README.md');
