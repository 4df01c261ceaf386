// Profiles as users have them: encodings, stdin, empty/binary/folder/broken files, duplicate ids,
// events after the evaluation date, and the size limits.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtAfter } from '../../src/io/freshness.js';
import { LIMITS } from '../../src/io/limits.ts';
import { incidentDatesAfter } from '../../src/profile/dates-after.ts';
import { loadProfile, parseProfile } from '../../src/profile/load.ts';
import { gb18030, utf16le } from '../fixtures/encodings.ts';
import { tempDir } from '../support/temp.ts';

const dir = tempDir('profile-input');
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

describe('profile files that are not profiles', () => {
  it('gives an empty file, a binary file, a folder and a missing file each its own message', () => {
    expect(() => loadProfile(file('empty.yaml', '\n  \n'))).toThrow(/empty\.yaml: is empty/);
    expect(() => loadProfile(file('program.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00])))).toThrow(
      /program\.yaml: is binary data, not a JSON or YAML text file/,
    );
    expect(() => loadProfile(file('list.yaml', Buffer.from('PK\x03\x04rest')))).toThrow(/list\.yaml: is a zip archive/);
    expect(() => loadProfile(dir)).toThrow(/: cannot read: is a folder, not a file$/);
    expect(() => loadProfile(join(dir, 'none.yaml'))).toThrow(/none\.yaml: cannot read: no such file$/);
  });

  it('names the line and column of a JSON or YAML syntax error', () => {
    expect(() => loadProfile(file('p.json', '{\n  "name": "A",\n  "uscc": \n}\n'))).toThrow(/p\.json: not valid JSON at line 4, column 1: expected a value \(got "}\\n"\)/);
    expect(() => loadProfile(file('p.json', '{"name": "A" "uscc": "x"}'))).toThrow(/not valid JSON at line 1, column 14: expected ',' or '}'/);
    expect(() => loadProfile(file('p.json', '{"name": "A",}'))).toThrow(/at line 1, column 14: expected a "quoted" property name/);
    expect(() => loadProfile(file('p.yaml', 'name: A\nincidents: [1\nuscc: 2\n'))).toThrow(/p\.yaml: not valid YAML: .* at line 3, column 1/);
  });
});

describe('incidents', () => {
  const base = { name: 'A', uscc: '91500000MA5U00000W' };
  const incident = (id: string, extra = {}) => ({ id, kind: 'customs-violation', category: 'tax', ...extra });

  it('refuses two incidents with one id, naming both', () => {
    expect(() => parseProfile({ ...base, incidents: [incident('T-1'), incident('T-2'), incident('T-1')] })).toThrow(
      /incidents\[2\]\.id: "T-1" is already the id of incidents\[0\]/,
    );
    expect(parseProfile({ ...base, incidents: [incident('T-1'), incident('T-2')] }).incidents).toHaveLength(2);
  });

  it('flags incident dates after the evaluation date, the day after but not the day itself', () => {
    const profile = parseProfile({
      ...base,
      incidents: [incident('T-1', { violationDate: '2025-01-10', disclosureDate: '2025-07-01', priorDisclosuresOfSameViolation: ['2025-06-30'] })],
    });
    expect(incidentDatesAfter(profile, '2025-06-30')).toEqual(['incidents[0].disclosureDate 2025-07-01']);
    expect(incidentDatesAfter(profile, '2025-07-01')).toEqual([]);
  });
});

describe('check and report read a profile from stdin with -', () => {
  const run = (args: string[], input: string) => spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8', input });

  it('check - reads JSON from stdin and warns of a disclosure after --as-of', () => {
    const json = readFileSync('samples/dishonest-trader.json', 'utf8');
    const { status, stdout, stderr } = run(['check', '-', '--lang', 'en', '--as-of', '2024-01-01'], json);
    expect(status).toBe(0);
    expect(stdout).toContain('重庆渝信进出口贸易有限公司');
    expect(stderr).toMatch(/huiqi: warning: stdin: incidents\[0\]\.\w+ \d{4}-\d{2}-\d{2} is after the evaluation date 2024-01-01/);
  }, 60_000);

  it('report - reads YAML from stdin', () => {
    const { status, stdout } = run(['report', '-', '--lang', 'en', '--as-of', '2025-06-01'], readFileSync('samples/incomplete-profile.yaml', 'utf8'));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^# .*江苏苏航跨境电子商务有限公司/);
  }, 60_000);
});

describe('size limits, checked before any work', () => {
  const base = { name: 'A', uscc: '91500000MA5U00000W' };

  it('refuses a profile file over 10 MB, more than 10,000 incidents and a text over 1,000 characters', () => {
    const big = file('big.yaml', `${yaml}# ${'x'.repeat(LIMITS.profileBytes)}\n`);
    expect(() => loadProfile(big)).toThrow(/big\.yaml: is 10\.0 MB; a profile may be at most 10\.0 MB/);
    const incidents = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `I-${i}`, kind: 'customs-violation' }));
    expect(parseProfile({ ...base, incidents: incidents(LIMITS.incidentsPerProfile) }).incidents).toHaveLength(10_000);
    expect(() => parseProfile({ ...base, incidents: incidents(LIMITS.incidentsPerProfile + 1) })).toThrow(/has 10,001 incidents; a profile may have at most 10,000/);
    expect(parseProfile({ ...base, name: '企'.repeat(1000) }).name).toHaveLength(1000);
    expect(() => parseProfile({ ...base, name: '企'.repeat(1001) })).toThrow(/name: is 1,001 characters long; a text may be at most 1,000/);
    expect(() => parseProfile({ ...base, incidents: [{ id: 'x'.repeat(5000), kind: 'customs-violation' }] })).toThrow(/incidents\[0\]\.id: is 5,000 characters long/);
  });

  it('checks 10,000 incidents within 300 MB peak RSS', () => {
    const categories = ['tax', 'export-refund', 'statistics', 'supervision'];
    const incidents = Array.from({ length: 10_000 }, (_, i) => ({
      id: `INC-${i}`,
      kind: 'customs-violation',
      category: categories[i % 4],
      violationDate: `2024-0${1 + (i % 9)}-1${i % 9}`,
      disclosureDate: `2024-1${i % 3}-01`,
      underpaidTax: 1000 + i,
      taxPayable: 100_000,
    }));
    const path = file('10k.json', JSON.stringify({ ...base, province: '重庆', customsCredit: 'advanced', incidents }));
    // Measure what users run: the bundle (through tsx, after an edit, it takes ~10% more memory).
    const sources = ['src', 'cli'].map((dir) => resolve(dir));
    if (!builtAfter(resolve('dist/bundle/huiqi.js'), sources, (p) => /\.(ts|js)$/.test(p) && !p.endsWith('.d.ts') && !p.includes(join('pages', 'assets'))))
      execFileSync(process.execPath, ['bin/bundle-cli.js'], { stdio: 'ignore' });
    const report = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";
    const run = spawnSync(process.execPath, ['--import', report, 'bin/huiqi.js', 'check', path, '--as-of', '2025-06-30'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('INC-9999');
    const kb = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1]);
    expect(kb / 1024).toBeLessThan(300);
  }, 300_000);
});
