// @ts-check
// Whether something built is up to date with what it was built from, decided here alone: by
// modification time (a build output no older than every source: bin/run.js choosing the bundle or
// dist/, the rule snapshot against the build that wrote it, the tests that build what is stale), or by
// the stamp a copy records of each file it was made from (size and modification time: the rule snapshot
// and the JSON copies of data files, ignored as soon as a file differs). Plain JavaScript, so that
// bin/run.js can use it before anything can compile TypeScript; the TypeScript code imports it as it is.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {(path: string) => boolean} PathFilter which files count, by path
 * @typedef {{ size: number, mtimeMs: number }} Stamp what identifies a file's version for a copy made from it
 */

/** @type {PathFilter} */
const everyFile = () => true;

/**
 * The modification time of `file` in milliseconds, or undefined when there is no such file.
 * @param {string} file
 * @returns {number | undefined}
 */
export function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Calls `visit` with every file under `dir` whose name `include` accepts; a folder that does not exist has none.
 * @param {string} dir
 * @param {PathFilter} include
 * @param {(path: string) => void} visit
 */
function eachFile(dir, include, visit) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) eachFile(path, include, visit);
    else if (include(path)) visit(path);
  }
}

/**
 * The newest modification time of the files under the folders `dirs` that `include` accepts (0: none).
 * @param {readonly string[]} dirs
 * @param {PathFilter} [include]
 * @returns {number}
 */
export function newestModification(dirs, include = everyFile) {
  let newest = 0;
  for (const dir of dirs) eachFile(dir, include, (path) => (newest = Math.max(newest, statSync(path).mtimeMs)));
  return newest;
}

/**
 * Whether `output` exists and was written no earlier than every file under the folders `sources` that
 * `include` accepts.
 * @param {string} output
 * @param {readonly string[]} sources
 * @param {PathFilter} [include]
 * @returns {boolean}
 */
export function builtAfter(output, sources, include = everyFile) {
  const built = modifiedAt(output);
  return built !== undefined && built >= newestModification(sources, include);
}

/**
 * Whether every file under the folders `sources` that `include` accepts has its output (`outputOf` its
 * path), written no earlier than it.
 * @param {readonly string[]} sources
 * @param {PathFilter} include
 * @param {(source: string) => string} outputOf
 * @returns {boolean}
 */
export function eachBuiltAfter(sources, include, outputOf) {
  let fresh = true;
  for (const dir of sources) {
    eachFile(dir, include, (path) => {
      if (!fresh) return;
      const built = modifiedAt(outputOf(path));
      if (built === undefined || built < statSync(path).mtimeMs) fresh = false;
    });
  }
  return fresh;
}

/**
 * The stamp a copy records of a file it is made from.
 * @param {string} file
 * @returns {Stamp}
 */
export function stampOf(file) {
  const { size, mtimeMs } = statSync(file);
  return { size, mtimeMs };
}

/**
 * Whether `recorded` (a stamp read back from a copy, so of any shape) is the stamp of `file` as it is now.
 * @param {unknown} recorded
 * @param {Stamp} now
 * @returns {boolean}
 */
export function sameStamp(recorded, now) {
  if (typeof recorded !== 'object' || recorded === null) return false;
  const { size, mtimeMs } = /** @type {{ size?: unknown, mtimeMs?: unknown }} */ (recorded);
  return size === now.size && mtimeMs === now.mtimeMs;
}
