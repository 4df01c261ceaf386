#!/usr/bin/env node
// `npm run bench`: runs bench/screen.bench.ts, from dist/ when the build is up to date, else through tsx
// (see run.js and that file for what it measures and its options).
import { run } from './run.js';
await run('bench/screen.bench.ts');
