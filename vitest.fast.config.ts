// `npm run test:fast`: the quick loop. The same tests as `npm test` minus those that start a browser or
// whole node processes (the CLI, servers, the package build), found by what their files call, so a new
// test file is sorted without editing a list. `npm test` still runs everything.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const SLOW = /\b(spawnSync|spawn|execFileSync|execFile|fork)\(|support\/browser\.ts|puppeteer|@sparticuz\/chromium/;

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.test.ts') ? [path] : [];
  });

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: walk('test').filter((file) => SLOW.test(readFileSync(file, 'utf8'))),
    testTimeout: 30_000,
  },
});
