// Where huiqi's own files are (rules/, data/, package.json). Modules run from the sources (src/, via tsx)
// or from the build (dist/src/), so a path relative to a module's own location would differ between
// the two: every such file is found from the package root instead.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding huiqi's package.json, found by walking up from this module. */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; ) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'huiqi') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`huiqi: no package.json of huiqi above ${from}`);
    dir = parent;
  }
}

/** A path inside the package, e.g. packagePath('rules'). */
export const packagePath = (...parts: string[]): string => join(packageRoot, ...parts);
