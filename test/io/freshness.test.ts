// The one place that decides whether a build output is up to date (bin/run.js, the rule snapshot, the
// data copies and the tests that build what is stale all ask it): both sides of each comparison.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtAfter, eachBuiltAfter, modifiedAt, newestModification, sameStamp, stampOf } from '../../src/io/freshness.js';

const dir = mkdtempSync(join(tmpdir(), 'huiqi-freshness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `file` under the test folder with the modification time `seconds` (since the epoch). */
function write(file: string, seconds: number, text = 'x'): string {
  const path = join(dir, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, seconds, seconds);
  return path;
}

describe('build freshness', () => {
  it('an output no older than every source is built after them; one second older is not', () => {
    write('a/src/x.ts', 1000);
    write('a/src/deep/y.ts', 2000);
    const out = write('a/out.js', 2000);
    expect(newestModification([join(dir, 'a/src')])).toBe(2_000_000);
    expect(builtAfter(out, [join(dir, 'a/src')])).toBe(true);
    utimesSync(out, 1999, 1999);
    expect(builtAfter(out, [join(dir, 'a/src')])).toBe(false);
  });

  it('counts only the files the filter accepts, and a missing output or folder', () => {
    write('b/src/x.ts', 1000);
    write('b/src/notes.md', 5000);
    const out = write('b/out.js', 1500);
    expect(builtAfter(out, [join(dir, 'b/src')], (p) => p.endsWith('.ts'))).toBe(true);
    expect(builtAfter(out, [join(dir, 'b/src')])).toBe(false);
    expect(builtAfter(join(dir, 'b/none.js'), [join(dir, 'b/src')])).toBe(false);
    expect(modifiedAt(join(dir, 'b/none.js'))).toBeUndefined();
    expect(builtAfter(out, [join(dir, 'b/no-such-folder')])).toBe(true);
  });

  it('each source needs its own output, no older than it', () => {
    write('c/src/x.ts', 1000);
    write('c/src/y.ts', 1000);
    write('c/dist/src/x.js', 1000);
    const outputOf = (p: string) => p.replace(`${dir}/c/src`, `${dir}/c/dist/src`).replace(/\.ts$/, '.js');
    const sources = [join(dir, 'c/src')];
    expect(eachBuiltAfter(sources, (p) => p.endsWith('.ts'), outputOf)).toBe(false); // y.js missing
    write('c/dist/src/y.js', 999);
    expect(eachBuiltAfter(sources, (p) => p.endsWith('.ts'), outputOf)).toBe(false); // y.js older
    write('c/dist/src/y.js', 1000);
    expect(eachBuiltAfter(sources, (p) => p.endsWith('.ts'), outputOf)).toBe(true);
  });

  it('a copy is current while its recorded stamp is the file’s: size and modification time', () => {
    const file = write('d/list.yaml', 1000, 'abc');
    const recorded = JSON.parse(JSON.stringify(stampOf(file)));
    expect(sameStamp(recorded, stampOf(file))).toBe(true);
    write('d/list.yaml', 1000, 'abcd');
    expect(sameStamp(recorded, stampOf(file))).toBe(false);
    write('d/list.yaml', 1001, 'abc');
    expect(sameStamp(recorded, stampOf(file))).toBe(false);
    expect(sameStamp(undefined, stampOf(file))).toBe(false);
    expect(sameStamp({ size: '3', mtimeMs: 1_001_000 }, stampOf(file))).toBe(false);
  });
});
