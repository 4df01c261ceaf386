#!/usr/bin/env node
// A step of `npm run build` (and of `npm ci`): the self-check page's browser script, bundled by esbuild as
// a file in dist/assets/ that `huiqi serve` sends as it is. The script imports the same check-character
// function as the server (src/profile/uscc.ts); bundling it makes one standalone ES module for the browser,
// instead of text made from a function at run time (which minified code does not survive).
// Usage: node bin/build-assets.js [OUTDIR]   (default dist/assets)
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist', 'assets');

const { outputFiles } = await build({
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
  write: false,
});
// Each file written whole and renamed into place: a server starting meanwhile reads the old file or the new.
mkdirSync(outdir, { recursive: true });
for (const file of outputFiles) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
