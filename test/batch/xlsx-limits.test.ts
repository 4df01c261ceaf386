// XLSX files that must not hurt: a "zip bomb" (20 million tiny shared strings in 0.8 MB, 324 MB expanded),
// one whose zip understates what a part expands to, one over the shared-string count, and damaged files
// (bytes overwritten in the middle, flipped, cut short). Each is refused before exceljs reads it, naming
// the file and the limit or the damage: exit 1 from `huiqi screen`, a 422 or 400 problem from the server.
// An XLSX at the limits is read, and peak memory (maxRSS of the process) stays under 200 MB in both. The
// processes run the CLI as users run it: bundled (bin/bundle-cli.js, into a folder of this test's own),
// with the flag bin/run.js sets; from the sources through tsx a process starts ~50 MB larger.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXlsx } from '../../src/batch/xlsx-validate.ts';
import { LIMITS } from '../../src/io/limits.ts';
import { frameParts, part, repeatedPart, sharedStringsPart, sheetPart, zip } from '../support/xlsx-files.ts';
import { tempDir } from '../support/temp.ts';

const dir = tempDir('xlsx-limits');
const STACK = /^\s+at .*:\d+:\d+\)?$/m;
const n = (x: number) => x.toLocaleString('en-US');
/** Prints the process's peak RSS when it exits (Node's own figure: no /usr/bin/time needed). */
const PEAK = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";
const peakMb = (stderr: string) => Number(/maxRSS (\d+)/.exec(stderr)?.[1]) / 1024;

const bundle = join('dist', `bundle-test-xlsx-${process.pid}`);
const huiqi = ['--no-allocation-site-pretenuring', '--import', PEAK, join(bundle, 'huiqi.js')];
afterAll(() => rmSync(bundle, { recursive: true, force: true }));

const files: Record<string, string> = {};
/** A pseudo-random text of `length` hex digits (not compressible much, as real names are not). */
const noise = (seed: number, length: number) => {
  let s = seed >>> 0;
  let text = '';
  while (text.length < length) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    text += s.toString(16).padStart(8, '0');
  }
  return text.slice(0, length);
};

beforeAll(async () => {
  execFileSync(process.execPath, ['bin/bundle-cli.js', bundle], { stdio: 'inherit' });
  const write = (name: string, bytes: Buffer) => (files[name] = join(dir, `${name}.xlsx`)) && writeFileSync(files[name]!, bytes);
  const sheet = await sheetPart(2_000);
  // The bomb: 20 million `<si><t>a</t></si>`, 0.8 MB deflated.
  write('bomb', zip([...frameParts(), await sharedStringsPart(20_000_000, () => '<si><t>a</t></si>'), sheet]));
  // The same strings, the zip stating 1 kB: found out while inflating, at 1 kB.
  const hidden = await sharedStringsPart(5_000_000, () => '<si><t>a</t></si>');
  write('hidden-bomb', zip([...frameParts(), { ...hidden, statedSize: 1000 }, sheet]));
  // Over the count of texts, within the bytes: numbers as texts.
  write('too-many-strings', zip([...frameParts(), await sharedStringsPart(LIMITS.xlsx.sharedStrings + 10), sheet]));
  // Within every limit: as many texts as allowed, and as many bytes of text as allowed.
  write('many-strings', zip([...frameParts(), await sharedStringsPart(LIMITS.xlsx.sharedStrings - 10), sheet]));
  const long = 990;
  const fit = Math.floor((LIMITS.xlsx.sharedStringsBytes - 2000) / (long + 16));
  write('long-strings', zip([...frameParts(), await sharedStringsPart(fit, (i) => `<si><t>${noise(i, long)}</t></si>`), sheet]));
  const good = zip([...frameParts(), await sharedStringsPart(2_000), sheet]);
  write('good', good);
  // Damaged: 200 bytes overwritten in the middle (inside the worksheet's deflated data), and cut short.
  const overwritten = Buffer.from(good);
  overwritten.fill(0x41, overwritten.length / 2, overwritten.length / 2 + 200);
  write('overwritten', overwritten);
  write('truncated', good.subarray(0, Math.floor(good.length * 0.7)));
  // A worksheet of one repeated row, expanding 1,000 times.
  write(
    'ratio',
    zip([
      ...frameParts(),
      await sharedStringsPart(2),
      await repeatedPart('xl/worksheets/sheet1.xml', '<worksheet><sheetData>', () => '<row/>', 2_000_000, '</sheetData></worksheet>'),
    ]),
  );
  // A styles part larger than any real one.
  write('styles', zip([...frameParts(), part('xl/styles.xml', Buffer.alloc(LIMITS.xlsx.partBytes + 1, 0x20)), await sharedStringsPart(2), sheet]));
}, 120_000);

describe('validateXlsx: what an XLSX expands to is bounded before it is read', () => {
  it('refuses the bomb from its zip directory, naming the part and the limit', async () => {
    await expect(validateXlsx(files.bomb!, 'bomb.xlsx')).rejects.toThrow(
      /bomb\.xlsx: part xl\/sharedStrings\.xml expands to 324\.2 MB; the shared strings may expand to at most 16\.0 MB/,
    );
  });
  it('refuses a part that expands beyond what the zip states, while inflating it', async () => {
    await expect(validateXlsx(files['hidden-bomb']!, 'h.xlsx')).rejects.toThrow(
      /h\.xlsx: not readable as XLSX: the file is damaged \(part xl\/sharedStrings\.xml expands beyond the 1,000 bytes/,
    );
  });
  it(`refuses over ${LIMITS.xlsx.sharedStrings.toLocaleString('en-US')} shared strings, a part expanding over ${LIMITS.xlsx.ratio} times, a styles part over its bytes`, async () => {
    await expect(validateXlsx(files['too-many-strings']!, 't.xlsx')).rejects.toThrow(
      new RegExp(`has over ${n(LIMITS.xlsx.sharedStrings)} shared strings .*at most ${n(LIMITS.xlsx.sharedStrings)}`),
    );
    await expect(validateXlsx(files.ratio!, 'r.xlsx')).rejects.toThrow(/part xl\/worksheets\/sheet1\.xml expands [\d,]+ times .* at most 200 times/);
    await expect(validateXlsx(files.styles!, 's.xlsx')).rejects.toThrow(/part xl\/styles\.xml expands to 8\.0 MB; .* at most 8\.0 MB/);
  });
  it('says a password-protected workbook or an old .xls (an OLE file) is not an XLSX', async () => {
    const ole = join(dir, 'protected.xlsx');
    writeFileSync(ole, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4000)]));
    await expect(validateXlsx(ole, 'protected.xlsx')).rejects.toThrow(/protected\.xlsx: is a password-protected workbook or an old \.xls file/);
  });
  it('accepts a list at the limits', async () => {
    await validateXlsx(files['many-strings']!, 'm.xlsx');
    await validateXlsx(files['long-strings']!, 'l.xlsx');
  });
  it('finds every byte overwritten or flipped in 120 damaged copies: an InputError naming the file, never a hang', async () => {
    const { readFileSync } = await import('node:fs');
    const good = readFileSync(files.good!);
    let seed = 16;
    const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    for (let k = 0; k < 120; k++) {
      const bytes = Buffer.from(good);
      if (k % 2) bytes[random(bytes.length)]! ^= 1 << random(8);
      else bytes.fill(random(256), random(bytes.length), random(bytes.length) + 1 + random(64));
      const file = join(dir, `damaged-${k}.xlsx`);
      writeFileSync(file, bytes);
      const outcome = await validateXlsx(file, `damaged-${k}.xlsx`).then(
        () => 'read',
        (e: Error) => `${e.name}: ${e.message}`,
      );
      // A flip in a byte no reader looks at (a time stamp, "version made by") leaves a readable file.
      if (outcome !== 'read') expect(outcome).toMatch(new RegExp(`^(InputError|LimitError): damaged-${k}\\.xlsx: `));
    }
  });
});

describe('huiqi screen on hostile XLSX files', () => {
  const screen = (file: string) =>
    spawnSync(process.execPath, [...huiqi, 'screen', file, '-o', join(dir, 'out.csv'), '--as-of', '2025-06-30', '--rules', 'test/batch/fixtures/rules'], {
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('refuses the bomb (0.8 MB, 20 million shared strings) with exit 1 naming the file and the limit, under 200 MB', () => {
    const run = screen(files.bomb!);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${files.bomb}: part xl/sharedStrings.xml expands to 324.2 MB; the shared strings may expand to at most 16.0 MB`);
    expect(run.stderr).not.toMatch(STACK);
    expect(peakMb(run.stderr)).toBeLessThan(200);
  }, 120_000);

  it('a damaged XLSX (bytes overwritten in the middle, or cut short) exits 1 naming the file, never 13 with nothing said', () => {
    for (const name of ['overwritten', 'truncated', 'hidden-bomb']) {
      const run = screen(files[name]!);
      expect(run.status, `${name}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain(`huiqi: ${files[name]}: not readable as XLSX: the file is damaged`);
      expect(run.stderr).not.toMatch(STACK);
    }
  }, 120_000);

  it('reads an XLSX at the limits (300,000 texts; 16 MB of texts) within 200 MB peak RSS', () => {
    for (const name of ['many-strings', 'long-strings']) {
      const run = screen(files[name]!);
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toContain('rows in 2,000, rows out 2,000');
      const mb = peakMb(run.stderr);
      console.log(`huiqi screen ${name}.xlsx: peak RSS ${mb.toFixed(0)} MB`);
      expect(mb).toBeLessThan(200);
    }
  }, 240_000);
});

describe('POST /api/v1/screen on hostile XLSX files (huiqi serve)', () => {
  let server: ReturnType<typeof spawn>;
  let url: string;
  let stderr = '';
  beforeAll(async () => {
    server = spawn(process.execPath, [...huiqi, 'serve', '--port', '0', '--as-of', '2025-06-30', '--rules', 'test/batch/fixtures/rules'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (d) => (stderr += d));
    let stdout = '';
    url = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (d) => {
        stdout += d;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      server.on('exit', () => reject(new Error(`serve exited early: ${stdout}${stderr}`)));
    });
  }, 60_000);
  afterAll(() => server.kill('SIGKILL'));

  const upload = async (name: string) => {
    const { readFileSync } = await import('node:fs');
    const res = await fetch(new URL('api/v1/screen', url), {
      method: 'POST',
      body: readFileSync(files[name]!),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    return { status: res.status, body: await res.text() };
  };

  it('answers 422 for the bomb and over-limit files, 400 for damaged ones, 200 at the limits; the server stays under 200 MB', async () => {
    for (const name of ['bomb', 'too-many-strings', 'ratio']) {
      const { status, body } = await upload(name);
      expect(status, `${name}: ${body}`).toBe(422);
      expect(JSON.parse(body).title).toBe('List beyond a limit');
      expect(body).toMatch(/at most/);
      expect(body).not.toMatch(STACK);
    }
    for (const name of ['overwritten', 'truncated', 'hidden-bomb']) {
      const { status, body } = await upload(name);
      expect(status, `${name}: ${body}`).toBe(400);
      expect(JSON.parse(body).detail).toMatch(/^upload: not readable as XLSX: the file is damaged/);
    }
    for (const name of ['many-strings', 'long-strings', 'bomb']) {
      const { status, body } = await upload(name);
      expect(status).toBe(name === 'bomb' ? 422 : 200);
      if (status === 200) expect(body.trim().split('\n')).toHaveLength(2_001);
    }
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    const mb = peakMb(stderr);
    console.log(`huiqi serve after the hostile XLSX uploads: peak RSS ${mb.toFixed(0)} MB`);
    expect(mb).toBeLessThan(200);
  }, 240_000);
});
