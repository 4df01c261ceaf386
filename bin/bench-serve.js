#!/usr/bin/env node
// `npm run bench:serve`: runs bench/serve.bench.ts, from dist/ when the build is up to date, else through
// tsx (see run.js, and that file for what it measures and its options).
import { run } from './run.js';
await run('bench/serve.bench.ts');
