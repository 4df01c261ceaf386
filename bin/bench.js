#!/usr/bin/env node
// `npm run bench`: runs bench/screen.bench.ts through tsx (see that file for what it measures and its options).
import { register } from 'tsx/esm/api';
register();
await import('../bench/screen.bench.ts');
