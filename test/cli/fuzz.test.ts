// Generated junk at `check`, `report` and `screen` (issue #11): random bytes, random YAML/JSON structures
// (profile-shaped or not), random CSV lists in random encodings with ragged rows. Whatever comes in,
// the CLI never crashes (no stack trace), exits 0, 1 or 2, and a list it accepts has rows out = rows in.
// Then (issue #16) profiles nested hundreds to 100,000 levels deep, and XLSX files mutated every way a
// file gets damaged: bytes flipped or overwritten, cut short, zip parts altered (junk XML, parts cut, parts
// missing or doubled, sizes misstated): never a crash, only the documented exit codes.
// The cases run in one process (fuzz-driver.ts) so the whole fuzz takes seconds, not a process start each.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LIMITS } from '../../src/io/limits.ts';
import { frameParts, part, sharedStringsPart, sheetPart, zip, type ZipPart } from '../support/xlsx-files.ts';
import { tempDir } from '../support/temp.ts';

const dir = tempDir('fuzz');
const USCC = '91500000MA5U00000W';
const profileRules = 'test/fixtures/gap/rules.yaml'; // enterprise and incident rules, date windows: small and quick to load
const listRules = 'test/batch/fixtures/rules';

const numberish = fc.constantFrom('186,000', '１２３', '¥1.86万', ' 42 ', '-186000', 'NaN', '1e400', '18,60', '0x10', '', '亿');
const dateish = fc.oneof(
  fc.constantFrom('2024-01-01', '2024/1/1', '2024.1.1', '2024年1月1日', '20240101', '2023-02-29', '1900-01-01', '9999-12-31', '2024-13-45', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
/** A real day in a plausible year, written one of the ways users write dates. */
const day = fc.tuple(fc.date({ min: new Date('1995-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.constantFrom('-', '/', '年')).map(([d, sep]) => {
  const [y, m, dd] = d.toISOString().slice(0, 10).split('-');
  return sep === '年' ? `${y}年${Number(m)}月${Number(dd)}日` : [y, m, dd].join(sep);
});
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  numberish,
  dateish,
  fc.array(fc.oneof(fc.string(), dateish), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
// Mostly values a field takes (so profiles get through to the rules), sometimes junk.
const or = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk });
const yesNo = or(fc.boolean());
const date = or(day);
const amount = or(fc.oneof(fc.nat(), fc.constantFrom('186,000', '１２３', '¥1.86万', ' 42 ', '0.5亿元')));
const enterpriseFields = {
  customsCredit: or(fc.constantFrom('advanced', 'registered', 'dishonest')),
  province: or(fc.constantFrom('chongqing', '重庆市', 'jiangsu', 'Hubei')),
  technologyEnterprise: yesNo,
  holdsAdvanceRuling: yesNo,
  advanceRulingExpiryDate: date,
  cbecAnnualExportValue: amount,
  containerTruckClass: or(fc.integer({ min: 1, max: 6 })),
  projectApprovalDate: date,
};
const incidentFields = {
  category: or(fc.constantFrom('tax', 'export-refund', 'statistics')),
  violationDate: date,
  disclosureDate: date,
  underpaidTax: amount,
  taxPayable: amount,
  discoveredByCustoms: yesNo,
  writtenReport: yesNo,
  priorDisclosuresOfSameViolation: or(fc.array(day, { maxLength: 2 })),
  penalty: or(fc.oneof(fc.constantFrom('none', 'warning'), fc.nat())),
};
const some = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => fc.record(fields, { requiredKeys: [] });
const incident = fc
  .tuple(fc.record({ id: or(fc.constantFrom('I1', 'I2')), kind: or(fc.constant('customs-violation')) }), some(incidentFields))
  .map(([head, rest]) => ({ ...rest, ...head }));
const profileShaped = fc
  .tuple(
    fc.record({ name: or(fc.constantFrom('测试企业', 'A')), uscc: or(fc.constantFrom(USCC, ` ${USCC.toLowerCase()} `)) }),
    some(enterpriseFields),
    fc.array(incident, { maxLength: 3 }),
  )
  .map(([head, facts, incidents]) => ({ ...head, ...facts, incidents }));
const structure = fc.oneof({ weight: 4, arbitrary: profileShaped }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });

/** A profile file: random bytes, or a structure written as JSON or YAML (under either extension). */
const profileFile = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('.json', '.yaml')).map(([bytes, ext]) => ({ bytes: Buffer.from(bytes), ext })) },
  {
    weight: 4,
    // Mostly written as the extension says, sometimes YAML in a .json file and the like.
    arbitrary: fc
      .tuple(structure, fc.constantFrom('json', 'yaml'), fc.constantFrom('.json', '.yaml', '.yml'), fc.nat(4))
      .map(([value, written, other, n]) => [value, written, n ? (written === 'json' ? '.json' : '.yaml') : other] as const)
      .map(([value, as, ext]) => ({
        bytes: Buffer.from(as === 'json' ? (JSON.stringify(value) ?? 'null') : stringify(value)),
        ext,
      })),
  },
);

const headers = ['企业名称', '统一社会信用代码', '海关信用等级', '所在省份', '民营企业', 'projectApprovalDate', 'cbecAnnualExportValue', '联系人', ''];
const cell = fc.oneof(fc.string({ maxLength: 12 }), numberish, dateish, fc.constantFrom('是', '否', 'advanced', '重庆', USCC, '=1+1', 'a,b', 'say "hi"', 'two\nlines', ''));
const csvCell = (text: string) => (/[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A list: a header (usually with the name and uscc columns), ragged rows, an encoding, an eol. */
const csvList = fc
  .record({
    header: fc
      .tuple(fc.boolean(), fc.uniqueArray(fc.constantFrom(...headers), { maxLength: 5 }))
      .map(([core, rest]) => [...new Set([...(core ? ['企业名称', '统一社会信用代码'] : []), ...rest])]),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 8 }),
    encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'latin1'),
    eol: fc.constantFrom('\n', '\r\n'),
    ignoreUnknown: fc.boolean(),
  })
  .filter((l) => l.header.length > 0)
  .map((l) => {
    // A record must not be an empty line (a list reader may skip those): give a lone empty cell a value.
    const rows = l.rows.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
    const header = l.header.length === 1 && l.header[0] === '' ? ['企业名称'] : l.header;
    const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join(l.eol) + l.eol;
    const bytes =
      l.encoding === 'utf8'
        ? Buffer.from(text)
        : l.encoding === 'utf8-bom'
          ? Buffer.from(`\uFEFF${text}`)
          : l.encoding === 'utf16le-bom'
            ? Buffer.from(`\uFEFF${text}`, 'utf16le')
            : Buffer.from(text, 'latin1'); // code units above 255 lose their high byte: real mojibake
    return { bytes, rows: rows.length, encoding: l.encoding, ignoreUnknown: l.ignoreUnknown };
  });

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  crash?: string;
}

function runAll(cases: { args: string[] }[]): Outcome[] {
  const casesFile = join(dir, 'cases.json');
  const resultsFile = join(dir, 'results.json');
  writeFileSync(casesFile, JSON.stringify(cases));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/cli/fuzz-driver.ts', casesFile, resultsFile], { encoding: 'utf8', timeout: 600_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as Outcome[];
}

/** A stack frame as Node prints it: `    at fn (file:line:col)`. */
const STACK = /^\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

describe('fuzz: junk in, never a crash', () => {
  it('check, report and screen exit 0, 1 or 2 without a stack trace; an accepted list keeps every row', { timeout: 600_000 }, () => {
    const seed = Number(process.env.HUIQI_FUZZ_SEED ?? 20261202);
    const profiles = fc.sample(profileFile, { numRuns: 40, seed });
    const lists = fc.sample(csvList, { numRuns: 25, seed });
    const cases: { args: string[]; what: string; rows?: number; output?: string; encoding?: string }[] = [];
    profiles.forEach((p, i) => {
      const file = join(dir, `profile-${i}${p.ext}`);
      writeFileSync(file, p.bytes);
      const command = i % 3 === 2 ? 'report' : 'check';
      cases.push({ args: [command, file, '--rules', profileRules, '--as-of', '2024-06-01', ...(i % 4 === 1 ? ['--format', 'json'] : [])], what: file });
    });
    lists.forEach((l, i) => {
      const file = join(dir, `list-${i}.csv`);
      const output = join(dir, `screened-${i}.csv`);
      writeFileSync(file, l.bytes);
      cases.push({
        args: ['screen', file, '-o', output, '--rules', listRules, '--as-of', '2025-06-30', ...(l.ignoreUnknown ? ['--ignore-unknown-columns'] : [])],
        what: file,
        rows: l.rows,
        output,
        encoding: l.encoding,
      });
    });

    const outcomes = runAll(cases);
    let accepted = 0;
    outcomes.forEach((o, i) => {
      const c = cases[i]!;
      const where = `${c.args.join(' ')} (seed ${seed})\n${o.stderr}${o.crash ?? ''}`;
      expect(o.crash, where).toBeUndefined();
      expect(o.stderr, where).not.toMatch(STACK);
      expect([0, 1, 2], where).toContain(o.code);
      if (c.rows === undefined || o.code !== 0) return;
      accepted++;
      const summary = /rows in (\d+), rows out (\d+)/.exec(o.stderr);
      expect(summary, where).not.toBeNull();
      const [rowsIn, rowsOut] = [Number(summary![1]), Number(summary![2])];
      expect(rowsOut, where).toBe(rowsIn);
      expect(parseCsv(readFileSync(c.output!, 'utf8'), { bom: true, columns: true }), where).toHaveLength(rowsOut);
      // A list decoded as written has exactly the rows generated (latin1 mojibake may merge or split cells).
      if (c.encoding !== 'latin1') expect(rowsIn, where).toBe(c.rows);
    });
    // HUIQI_FUZZ_SEED=n tries other inputs; HUIQI_FUZZ_STATS=1 shows how many got through (exit codes in order).
    if (process.env.HUIQI_FUZZ_STATS) console.log(`accepted lists ${accepted}; exit codes ${outcomes.map((o) => o.code).join('')}`);
    expect(accepted).toBeGreaterThan(0); // the fuzz reaches the screening itself, not only the header check
  });
});

/** A profile nested `depth` levels, written one of the ways JSON and YAML nest. */
const deepProfile = fc
  .record({
    depth: fc.oneof(fc.integer({ min: LIMITS.nestingDepth - 2, max: LIMITS.nestingDepth + 2 }), fc.integer({ min: 100, max: 5_000 }), fc.constant(100_000)),
    style: fc.constantFrom('json-arrays', 'json-objects', 'json-in-incident', 'yaml-flow', 'yaml-block', 'yaml-sequence'),
  })
  .map(({ depth, style }) => {
    const n = style === 'yaml-block' ? Math.min(depth, 2_000) : depth; // indentation grows with the square of the depth
    const text =
      style === 'json-arrays'
        ? `${'['.repeat(n)}${']'.repeat(n)}`
        : style === 'json-objects'
          ? `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`
          : style === 'json-in-incident'
            ? `{"name":"深","uscc":"${USCC}","incidents":[${'{"a":'.repeat(n)}1${'}'.repeat(n)}]}`
            : style === 'yaml-flow'
              ? `name: 深\nuscc: ${USCC}\nextra: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`
              : style === 'yaml-block'
                ? `name: 深\nuscc: ${USCC}\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:\n`).join('')}${' '.repeat(n)}b\n`
                : `${'- '.repeat(n)}x\n`;
    return { text, ext: style.startsWith('json') ? '.json' : '.yaml', deeper: n > LIMITS.nestingDepth, what: `${style} ${n}` };
  });

/** Ways an XLSX gets damaged: the bytes of a good file, or the parts of its zip. */
const xlsxMutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), byte: fc.nat(255) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('part' as const),
    part: fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'),
    change: fc.constantFrom('junk', 'cut', 'drop', 'double', 'understate', 'overstate', 'rename'),
    at: fc.nat(),
    junk: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
);

type XlsxMutation = typeof xlsxMutation extends fc.Arbitrary<infer T> ? T : never;

const XLSX_ROWS = 30;

/** The parts of a good list of XLSX_ROWS rows, each as text so that a mutation can cut or spoil it. */
async function goodXlsxParts(): Promise<{ name: string; bytes: Buffer }[]> {
  const { inflateRawSync } = await import('node:zlib');
  const parts: ZipPart[] = [...frameParts(), await sharedStringsPart(XLSX_ROWS), await sheetPart(XLSX_ROWS)];
  return parts.map((p) => ({ name: p.name, bytes: inflateRawSync(p.deflated) }));
}

function mutatedXlsx(good: Buffer, parts: { name: string; bytes: Buffer }[], m: XlsxMutation): Buffer {
  if (m.kind === 'flip') {
    const b = Buffer.from(good);
    for (let i = 0; i < m.count; i++) b[(m.at + i * 7919) % b.length]! ^= m.bits;
    return b;
  }
  if (m.kind === 'overwrite') {
    const b = Buffer.from(good);
    const at = m.at % b.length;
    return b.fill(m.byte, at, Math.min(b.length, at + m.length));
  }
  if (m.kind === 'truncate') return good.subarray(0, m.at % good.length);
  const out: ZipPart[] = [];
  for (const p of parts) {
    if (p.name !== m.part) {
      out.push(part(p.name, p.bytes));
      continue;
    }
    const at = m.at % Math.max(p.bytes.length, 1);
    if (m.change === 'drop') continue;
    if (m.change === 'junk') out.push(part(p.name, Buffer.concat([p.bytes.subarray(0, at), Buffer.from(m.junk), p.bytes.subarray(at)])));
    else if (m.change === 'cut') out.push(part(p.name, p.bytes.subarray(0, at)));
    else if (m.change === 'double') out.push(part(p.name, p.bytes), part(p.name, p.bytes));
    else if (m.change === 'rename') out.push(part(`${p.name}.old`, p.bytes));
    else {
      const whole = part(p.name, p.bytes);
      out.push({ ...whole, statedSize: m.change === 'understate' ? Math.floor(whole.size / 2) : whole.size + 1 + at });
    }
  }
  return zip(out);
}

describe('fuzz: deep nesting and damaged XLSX files, never a crash', () => {
  it('check and report on profiles nested up to 100,000 deep: exit 0 or 1, the limit named beyond it, no stack trace', { timeout: 600_000 }, () => {
    const seed = Number(process.env.HUIQI_FUZZ_SEED ?? 20261207);
    const profiles = fc.sample(deepProfile, { numRuns: 24, seed });
    const cases = profiles.map((p, i) => {
      const file = join(dir, `deep-${i}${p.ext}`);
      writeFileSync(file, p.text);
      return { args: [i % 2 ? 'report' : 'check', file, '--rules', profileRules, '--as-of', '2024-06-01'] };
    });
    runAll(cases).forEach((o, i) => {
      const where = `${profiles[i]!.what}: ${cases[i]!.args.join(' ')}\n${o.stderr}${o.crash ?? ''}`;
      expect(o.crash, where).toBeUndefined();
      expect(o.stderr, where).not.toMatch(STACK);
      expect([0, 1], where).toContain(o.code);
      if (profiles[i]!.deeper) {
        expect(o.code, where).toBe(1);
        expect(o.stderr, where).toContain(`nested more than ${LIMITS.nestingDepth} levels deep`);
      }
    });
  });

  it('screen on mutated XLSX files (bytes flipped, overwritten, cut short; zip parts spoiled, cut, dropped, doubled, misstated): exit 0 or 1 naming the file; an accepted list keeps every row', {
    timeout: 600_000,
  }, async () => {
    const seed = Number(process.env.HUIQI_FUZZ_SEED ?? 20261207);
    const parts = await goodXlsxParts();
    const good = zip(parts.map((p) => part(p.name, p.bytes)));
    const mutations = fc.sample(xlsxMutation, { numRuns: 40, seed });
    const cases = mutations.map((m, i) => {
      const file = join(dir, `mutated-${i}.xlsx`);
      writeFileSync(file, mutatedXlsx(good, parts, m));
      return { args: ['screen', file, '-o', join(dir, `mutated-${i}.csv`), '--rules', listRules, '--as-of', '2025-06-30'], file };
    });
    const outcomes = runAll(cases);
    outcomes.forEach((o, i) => {
      const where = `${JSON.stringify(mutations[i])}\n${o.stderr}${o.crash ?? ''}`;
      expect(o.crash, where).toBeUndefined();
      expect(o.stderr, where).not.toMatch(STACK);
      expect([0, 1], where).toContain(o.code);
      if (o.code === 1) expect(o.stderr, where).toContain(cases[i]!.file);
      else {
        const summary = /rows in (\d+), rows out (\d+)/.exec(o.stderr);
        expect(summary, where).not.toBeNull();
        expect(summary![2], where).toBe(summary![1]);
      }
    });
    if (process.env.HUIQI_FUZZ_STATS) console.log(`mutated XLSX exit codes ${outcomes.map((o) => o.code).join('')}`);
  });
});
