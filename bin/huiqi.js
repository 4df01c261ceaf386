#!/usr/bin/env node
// The huiqi CLI: runs the build in dist/ when it is up to date, else the TypeScript sources through tsx
// (see run.js), so a fresh clone works right after `npm ci` and edited sources are never run stale.
import { run } from './run.js';
await run('cli/main.ts');
