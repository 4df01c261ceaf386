// Writes rules/README.md: how rule files are laid out, a table mapping every source document to its
// rule file and rules (from the rule files themselves), and the authors' coverage notes from
// rules/coverage/*.md, which list each provision judged not enterprise-checkable.
// `npm run rules:readme`; test/rules/readme.test.ts fails when the README is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesReadme } from '../src/rules/readme.ts';

const rulesDir = fileURLToPath(new URL('../rules/', import.meta.url));
const coverageDir = `${rulesDir}coverage/`;
const coverage = readdirSync(coverageDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => ({ file: `coverage/${f}`, text: readFileSync(coverageDir + f, 'utf8') }));
writeFileSync(`${rulesDir}README.md`, renderRulesReadme(coverage));
console.log('rules/README.md');
