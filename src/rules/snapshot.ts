// A validated rule snapshot: the bundled rule files as parsed and validated, saved as one JSON file at
// build time (`npm run build`, and `npm ci` through `prepare`), so a command loading the bundled rules
// skips YAML parsing and validation, about half of a cold `huiqi check`. Authors keep editing YAML: the
// snapshot records each file's stamp (size and modification time, src/io/freshness.js) and is ignored as soon as any file differs,
// appears or disappears, so an edited rule is never run stale (the next build writes a new snapshot).
// Only the bundled rules have one; `--rules DIR` always reads the files.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtAfter, sameStamp, stampOf } from '../io/freshness.js';
import { packagePath } from '../io/paths.ts';
import type { RuleFile } from './schema.ts';

/** Where the build writes the snapshot of the bundled rules: beside the build it was validated by. */
export const bundledSnapshotPath = packagePath('dist', 'rules.snapshot.json');

/** One rule file in a snapshot: its path under the rules folder, what identifies its version, its content. */
interface SnapshotEntry {
  path: string;
  size: number;
  mtimeMs: number;
  ruleFile: RuleFile;
}

/** Bumped whenever the snapshot's layout changes, so an old snapshot is ignored rather than misread. */
const FORMAT = 1;

const entryStamp = (rulesDir: string, file: string) => ({ path: relative(rulesDir, file), ...stampOf(file) });

/** Writes the snapshot of `files` (every rule file under `rulesDir`, each validated) atomically to `target`. */
export function writeSnapshot(target: string, rulesDir: string, files: { file: string; ruleFile: RuleFile }[]): void {
  // `shared` holds YAML anchors only; the rules already contain what they point to.
  const entries: SnapshotEntry[] = files.map(({ file, ruleFile: { shared: _shared, ...ruleFile } }) => ({ ...entryStamp(rulesDir, file), ruleFile }));
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ format: FORMAT, entries }));
  renameSync(temporary, target);
}

/** Removes a snapshot (when the rules it would hold are invalid, an old one must not stand in for them). */
export const removeSnapshot = (target: string): void => rmSync(target, { force: true });

/**
 * The rule files of the snapshot at `target`, in the order of `files`, if it holds exactly these files of
 * `rulesDir` with the same size and modification time; undefined if it is missing, unreadable or stale.
 */
export function readSnapshot(target: string, rulesDir: string, files: string[]): { file: string; ruleFile: RuleFile }[] | undefined {
  let snapshot: { format?: unknown; entries?: SnapshotEntry[] };
  try {
    snapshot = JSON.parse(readFileSync(target, 'utf8'));
  } catch {
    return undefined;
  }
  const entries = snapshot.entries;
  if (snapshot.format !== FORMAT || !Array.isArray(entries) || entries.length !== files.length) return undefined;
  const result: { file: string; ruleFile: RuleFile }[] = [];
  for (const [i, file] of files.entries()) {
    const entry = entries[i]!;
    if (entry.path !== relative(rulesDir, file) || !sameStamp(entry, stampOf(file))) return undefined;
    result.push({ file, ruleFile: entry.ruleFile });
  }
  return result;
}

/**
 * The bundled snapshot, if the code now running is the build that wrote it: this module runs from a
 * build under dist/ (dist/src from tsc, or dist/bundle from esbuild; bin/run.js runs one only when it is
 * newer than every source) and no module of that build is newer than the snapshot (a `tsc` or bundle run
 * by hand rebuilds the code but not the snapshot; `npm run build` writes the snapshot last). Run from
 * the sources, the rule schema or checks may have changed since, so the files are read.
 */
export function bundledSnapshot(): string | undefined {
  const dist = packagePath('dist');
  const here = relative(dist, fileURLToPath(import.meta.url));
  if (here.startsWith('..') || isAbsolute(here)) return undefined;
  return builtAfter(bundledSnapshotPath, [join(dist, here.split(sep)[0]!)], (path) => path.endsWith('.js')) ? bundledSnapshotPath : undefined;
}
