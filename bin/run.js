// Runs one of huiqi's TypeScript entry points (e.g. 'cli/main.ts'): from the build in dist/ when it is
// there and up to date, else from the sources through tsx. The build starts faster and with ~50 MB less
// memory (no transform at run time); the fallback means a developer editing sources never runs stale code.
// `npm ci` builds dist/ (the `prepare` script); `npm run build` rebuilds it.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** The folders tsconfig.build.json compiles into dist/. */
const SOURCE_DIRS = ['src', 'cli', 'bench'];

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

/** Imports `entry` (a .ts path relative to the package root) from dist/ if fresh, else via tsx. */
export async function run(entry) {
  if (process.env.HUIQI_FROM_SOURCE !== '1' && distIsFresh()) {
    await import(pathToFileURL(join(root, 'dist', entry.replace(/\.ts$/, '.js'))).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, entry)).href);
}
