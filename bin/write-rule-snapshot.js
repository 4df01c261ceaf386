#!/usr/bin/env node
// The last step of `npm run build` (and of `npm ci`, through `prepare`), right after tsc: saves the
// bundled rules, validated by the build just made, as dist/rules.snapshot.json (see src/rules/snapshot.ts),
// and JSON copies of the YAML files under data/ in dist/data/ (see src/io/data-copy.ts).
// Invalid rules are reported and get no snapshot; the build still succeeds, and every command reads the
// rule files and reports the same problems.
import { writePackageDataCopies } from '../dist/src/io/data-copy.js';
import { writeRuleSnapshot } from '../dist/src/rules/load.js';

writePackageDataCopies();

const error = writeRuleSnapshot();
if (error) process.stderr.write(`huiqi: no rule snapshot written: ${error.message}\n`);
