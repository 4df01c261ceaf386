#!/usr/bin/env node
// A step of `npm run build` (and of `npm ci`): the self-check page's browser script, bundled by esbuild as
// a file in dist/assets/ that `huiqi serve` sends as it is. The script imports the same check-character
// function as the server (src/profile/uscc.ts); bundling it makes one standalone ES module for the browser,
// instead of text made from a function at run time (which minified code does not survive).
// Usage: node bin/build-assets.js [OUTDIR]   (default dist/assets)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist', 'assets');

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'self-check': 'src/server/pages/assets/self-check.js' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // Browsers of the last few years (ES modules, optional chaining); no minifying: the file is small and stays readable.
  target: ['es2020'],
  legalComments: 'none',
  charset: 'utf8', // Chinese messages kept as they are written
  logLevel: 'warning',
});
