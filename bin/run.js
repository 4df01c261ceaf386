// Runs one of huiqi's TypeScript entry points (e.g. 'cli/main.ts'): from its bundle in dist/bundle/ when
// it has one newer than every source, else from the build in dist/ when it is there and up to date, else
// from the sources through tsx. The builds start faster and with ~50 MB less memory (no transform at run
// time), the bundle fastest (one file to load, see bundle-cli.js); the fallback means a developer editing
// sources never runs stale code. `npm ci` builds dist/ (the `prepare` script); `npm run build` rebuilds it.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { builtAfter, eachBuiltAfter } from '../src/io/freshness.js';

// No allocation-site pretenuring. Loading the rules keeps nearly every object it makes, so V8 sees
// allocation sites whose objects all survive and decides to allocate their later objects directly in
// old space; when a site the per-row code shares with loading (a literal in a library, say) is among
// them, every row's short-lived objects go to old space, where only a full GC frees them. Whether that
// happened depended on when the first scavenges fell: `huiqi screen` on 1M rows peaked at ~153 MB in
// some runs and ~210 MB in others. Without pretenuring the young generation frees them: ~155 MB always.
// Set here, first thing, before any of huiqi's code has allocated anything.
setFlagsFromString('--no-allocation-site-pretenuring');

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** The folders tsconfig.build.json compiles into dist/. */
const SOURCE_DIRS = ['src', 'cli', 'bench'];
/** The entry points bundle-cli.js bundles, and the folders their modules come from. */
const BUNDLES = { 'cli/main.ts': { bundle: 'dist/bundle/huiqi.js', sources: ['src', 'cli'] } };
/** The self-check and batch pages' browser scripts (bin/build-assets.js builds them; tsc leaves them out). */
const BROWSER_SCRIPTS = join(root, 'src', 'server', 'pages', 'assets');

/** What tsc compiles into dist/ and the bundle is made from: TypeScript and the JavaScript modules beside it (not the page's browser scripts, built apart). */
const isSource = (path) => (path.endsWith('.ts') && !path.endsWith('.d.ts')) || (path.endsWith('.js') && !path.includes(BROWSER_SCRIPTS));

/** Whether `bundle` exists and was written no earlier than every source under `sources`. */
const bundleIsFresh = ({ bundle, sources }) =>
  builtAfter(
    join(root, bundle),
    sources.map((dir) => join(root, dir)),
    isSource,
  );

/** Whether every source under the source folders has its .js in dist/, written no earlier than it. */
const distIsFresh = () =>
  eachBuiltAfter(
    SOURCE_DIRS.map((dir) => join(root, dir)),
    isSource,
    (path) => `${join(root, 'dist', relative(root, path)).slice(0, -3)}.js`,
  );

/** Imports `entry` (a .ts path relative to the package root) from its bundle or dist/ if fresh, else via tsx. */
export async function run(entry) {
  const bundle = BUNDLES[entry];
  if (process.env.HUIQI_FROM_SOURCE !== '1' && bundle && bundleIsFresh(bundle)) {
    await import(pathToFileURL(join(root, bundle.bundle)).href);
    return;
  }
  if (process.env.HUIQI_FROM_SOURCE !== '1' && distIsFresh()) {
    await import(pathToFileURL(join(root, 'dist', entry.replace(/\.ts$/, '.js'))).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, entry)).href);
}
