// The JSON copies of data/ files (src/io/data-copy.ts): read while the file is as it was copied, and
// never once it changed, so an edited list is not read stale.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackageData, writePackageDataCopies } from '../../src/io/data-copy.ts';

const dir = mkdtempSync(join(tmpdir(), 'huiqi-data-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const folders = { data: join(dir, 'data'), copies: join(dir, 'copies') };
const list = join(folders.data, 'chongqing', 'list.yaml');

describe('readPackageData', () => {
  it('reads the copy while the file is unchanged, and the file itself once it changed', () => {
    mkdirSync(join(folders.data, 'chongqing'), { recursive: true });
    writeFileSync(list, 'enterprises:\n  - { no: 1, name: 甲公司 }\n');
    writePackageDataCopies(folders);
    // The copy stands in for the file: rewrite the copy's content to tell them apart.
    const copy = join(folders.copies, 'chongqing', 'list.yaml.json');
    const stamped = JSON.parse(readFileSync(copy, 'utf8'));
    writeFileSync(copy, JSON.stringify({ ...stamped, data: { from: 'copy' } }));
    expect(readPackageData(list, folders)).toEqual({ from: 'copy' });

    writeFileSync(list, 'enterprises:\n  - { no: 1, name: 乙公司 }\n');
    utimesSync(list, new Date(), new Date(Date.now() + 5000));
    expect(readPackageData(list, folders)).toEqual({ enterprises: [{ no: 1, name: '乙公司' }] });
  });

  it('reads the file when it has no copy', () => {
    const other = join(folders.data, 'other.yaml');
    writeFileSync(other, 'a: 1\n');
    expect(readPackageData(other, folders)).toEqual({ a: 1 });
  });
});
