#!/usr/bin/env node
// A step of `npm run build` (and of `npm ci`, through `prepare`): bundles the CLI with esbuild into
// dist/bundle/ (huiqi.js and its chunks), which bin/run.js runs when it is newer than every source.
// Why: loading ~280 ES modules one by one (95 of them zod's, 45 date-fns') was a fifth of a cold
// `huiqi check`; one bundle is read and compiled in one go. Code splitting keeps what only some
// commands need in chunks of their own: main.ts loads a command's module only when it is the command
// run (so `huiqi --help` reads no chunk), and the modules commands import lazily (the batch, the
// reports, the case runner) are chunks too. Packages that are large, CommonJS with files found at run
// time, or needed by few commands stay outside and are loaded from node_modules when first imported.
// `string-width`, which yargs lays its help out with, is replaced by cli/text-width.ts (see there why).
// Usage: node bin/bundle-cli.js [OUTDIR]   (default dist/bundle; OUTDIR must be inside the package,
// where its modules find package.json, rules/ and data/)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist', 'bundle');

/**
 * zod's 60-odd message locales, which huiqi never selects (`z.locales` is not used; zod's default
 * English is imported on its own): left out, a third less of zod to read and compile at every start.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

rmSync(outdir, { recursive: true, force: true }); // no chunk of an older bundle left behind
await build({
  absWorkingDir: root,
  entryPoints: { huiqi: 'cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['exceljs', 'fastify', '@fastify/*', 'json-rules-engine', 'tsx', 'puppeteer-core', '@sparticuz/chromium'],
  // Bundled CommonJS packages (yaml) call require() for Node's own modules: give every chunk one.
  banner: { js: "import { createRequire as __huiqiCreateRequire } from 'node:module'; const require = __huiqiCreateRequire(import.meta.url);" },
  legalComments: 'none',
  minify: true, // less to read and compile; stack traces point into the bundle either way
  alias: { 'string-width': './cli/text-width.ts' },
  logLevel: 'warning',
  plugins: [noZodLocales],
});
