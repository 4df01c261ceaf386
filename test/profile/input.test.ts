// Profiles as users have them: encodings, stdin, empty/binary/folder/broken files, duplicate ids,
// events after the evaluation date, and the size limits.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.ts';
import { gb18030, utf16le } from '../fixtures/encodings.ts';

const dir = mkdtempSync(join(tmpdir(), 'huiqi-profile-input-'));
let n = 0;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, content);
  return path;
};
const yaml = 'name: 重庆甲公司\nuscc: 91500000MA5U00000W\nprovince: 重庆\n';

describe('profile encodings', () => {
  it('reads GB18030, UTF-16 with a BOM and UTF-8 with a BOM alike', () => {
    for (const bytes of [gb18030(yaml), utf16le(yaml), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(yaml)])]) {
      expect(loadProfile(file('p.yaml', bytes))).toMatchObject({ name: '重庆甲公司', province: 'chongqing' });
    }
    expect(loadProfile(file('p.json', gb18030(JSON.stringify({ name: '重庆甲公司', uscc: '91500000MA5U00000W' }))))).toMatchObject({ name: '重庆甲公司' });
  });

  it('reads the encoding asked for, and refuses bytes invalid in it', () => {
    const path = file('p.yaml', gb18030(yaml));
    expect(loadProfile(path, { encoding: 'gb18030' }).name).toBe('重庆甲公司');
    expect(() => loadProfile(path, { encoding: 'utf8' })).toThrow(/p\.yaml: not valid UTF-8/);
  });
});
