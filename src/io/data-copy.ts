// Package data files (data/**/*.yaml, e.g. the Chongqing 高资信企业名单) read through JSON copies that
// `npm run build` saves in dist/data/ beside the rule snapshot: a cold `huiqi check` spent about a tenth
// of its time parsing the 9 KB list's YAML with a parser not yet warmed up; JSON.parse of the copy takes
// well under a millisecond. As with the rule snapshot, a copy records its file's stamp (size and
// modification time, ./freshness.js) and is ignored as soon as it differs, so an edited file is never read stale.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sameStamp, stampOf } from './freshness.js';
import { packagePath } from './paths.ts';

/** Where the data files are and where their copies go (other folders in tests). */
export interface DataFolders {
  data: string;
  copies: string;
}
const packageFolders: DataFolders = { data: packagePath('data'), copies: packagePath('dist', 'data') };
const copyOf = (file: string, folders: DataFolders) => join(folders.copies, `${relative(folders.data, file)}.json`);

/** The parsed content of a YAML file under data/: from its JSON copy when that was made from the file as it is. */
export function readPackageData(file: string, folders = packageFolders): unknown {
  const now = stampOf(file);
  try {
    const copy = JSON.parse(readFileSync(copyOf(file, folders), 'utf8')) as { data?: unknown };
    if (sameStamp(copy, now)) return copy.data;
  } catch {
    // no copy, or an unreadable one: the file itself is read
  }
  return parseYaml(readFileSync(file, 'utf8'));
}

/** Saves the JSON copy of every YAML file under data/ (each written whole, then renamed into place). */
export function writePackageDataCopies(folders = packageFolders, dir = folders.data): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) writePackageDataCopies(folders, file);
    else if (/\.ya?ml$/i.test(entry.name)) {
      const target = copyOf(file, folders);
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ ...stampOf(file), data: parseYaml(readFileSync(file, 'utf8')) }));
      renameSync(temporary, target);
    }
  }
}
