// Runs one of huiqi's TypeScript entry points (e.g. 'cli/main.ts'): from its bundle in dist/bundle/ when
// it has one newer than every source, else from the build in dist/ when it is there and up to date, else
// from the sources through tsx. The builds start faster and with ~50 MB less memory (no transform at run
// time), the bundle fastest (one file to load, see bundle-cli.js); the fallback means a developer editing
// sources never runs stale code. `npm ci` builds dist/ (the `prepare` script); `npm run build` rebuilds it.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

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

/** Whether `bundle` exists and was written no earlier than every .ts file under `sources`. */
function bundleIsFresh({ bundle, sources }) {
  let built;
  try {
    built = statSync(join(root, bundle)).mtimeMs;
  } catch {
    return false;
  }
  const check = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).every((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return check(path);
      return !entry.name.endsWith('.ts') || statSync(join(root, path)).mtimeMs <= built;
    });
  return sources.every(check);
}

/** Whether every .ts file under the source folders has its .js in dist/, written no earlier than it. */
function distIsFresh() {
  const check = (dir) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return true; // no such folder: nothing to be stale
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!check(path)) return false;
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        let built;
        try {
          built = statSync(join(root, 'dist', path.slice(0, -3) + '.js')).mtimeMs;
        } catch {
          return false;
        }
        if (built < statSync(join(root, path)).mtimeMs) return false;
      }
    }
    return true;
  };
  return SOURCE_DIRS.every(check);
}

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
