// Batch screening end to end through screenList: verdicts, bad rows, row counts, shards, formats,
// headers and the summary, on small lists whose answers are known by hand (rules in ./fixtures).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseShard, screenList, type ScreenListOptions } from '../../src/batch/run.ts';
import { InputError } from '../../src/io/input-error.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { verdictGroup } from '../../src/report/groups.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../support/temp.ts';

const fixtureRules = loadRuleSet(fileURLToPath(new URL('./fixtures/rules', import.meta.url)));
const dir = tempDir('screen-test');
let n = 0;
const file = (name: string, content?: string) => {
  const path = join(dir, `${n++}-${name}`);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};

const list = [
  '企业名称,统一社会信用代码,海关信用等级,所在省份,企业规模,民营企业,projectApprovalDate',
  '重庆甲公司,91500000MA5U00000W,高级认证企业,重庆市,小型,是,', // row 2: all three rules apply
  '苏州乙公司,91320500MA1N00001Y,registered,江苏,large,否,', // row 3: only not-dishonest
  '坏代码公司,91320500MA1N00001X,advanced,江苏,,,', // row 4: check character wrong
  '坏等级公司,91420100MA4K00002Y,AA,湖北,,,', // row 5: unknown credit level
  '坏日期公司,91500000MA5U000036,,,,,2023-02-30', // row 6: no such date
  '空白公司,91500000MA5U000036,,,,,', // row 7: everything unknown
].join('\n');

const quiet = () => {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY: false } as never, text: () => text };
};

async function screen(input: string, extra: Partial<ScreenListOptions> = {}) {
  const output = (extra.output as string | undefined) ?? file('out.csv');
  const err = quiet();
  const summary = await screenList({ input, output, outputFormat: 'csv', rules: fixtureRules, asOf: '2025-06-30', lang: 'zh', stderr: err.stream, ...extra });
  return { summary, output, stderr: err.text() };
}

const csvRows = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

describe('huiqi screen', () => {
  it('screens every good row and reports every bad one by row number and column; rows out = rows in', async () => {
    const { summary, output, stderr } = await screen(file('list.csv', list));
    const rows = csvRows(output);
    expect(rows.map((r) => r.row)).toEqual(['2', '3', '4', '5', '6', '7']);
    const [a, b, badUscc, badEnum, badDate, blank] = rows;
    expect(a).toMatchObject({ name: '重庆甲公司', eligible: '3', undetermined: '0', error: '', estimatedValueCny: '120000' });
    expect(a!.eligibleRules!.split(';')).toEqual(['test-2024-1/aeo-in-chongqing', 'test-2024-1/not-dishonest', 'test-2024-1/private-small']);
    expect(a!.eligibleTitles).toBe('重庆高级认证企业奖励；非失信企业可申请；民营小微企业便利');
    expect(b).toMatchObject({ eligible: '1', undetermined: '0', eligibleRules: 'test-2024-1/not-dishonest', estimatedValueCny: '' });
    expect(badUscc!.error).toMatch(/^统一社会信用代码 \(uscc\): is not a valid 统一社会信用代码: check character is "X"/);
    expect(badEnum!.error).toMatch(
      /^海关信用等级 \(customsCredit\): must be one of: advanced \(高级认证企业\), registered \(其他注册登记和备案企业\), dishonest \(失信企业\) \(got "AA"\)/,
    );
    expect(badDate!.error).toMatch(/^projectApprovalDate: must be a real calendar date/);
    for (const bad of [badUscc, badEnum, badDate]) expect(bad!.eligible).toBe('');
    expect(blank).toMatchObject({ eligible: '0', undetermined: '3', error: '' });

    expect(summary).toMatchObject({ rowsIn: 6, written: 6, screened: 3, errors: 3 });
    expect(summary.errorRows.map((e) => e.row)).toEqual([4, 5, 6]);
    expect(Object.fromEntries(summary.perRule.map((r) => [r.rule.id, r.eligible]))).toEqual({
      'test-2024-1/aeo-in-chongqing': 1,
      'test-2024-1/not-dishonest': 2,
      'test-2024-1/private-small': 1,
    });
    expect(stderr).toContain('rows in 6, rows out 6; screened 3, with errors 3');
    expect(stderr).toContain('row 5: 海关信用等级 (customsCredit): must be one of');
    expect(stderr).toMatch(/2 {2}test-2024-1\/not-dishonest {2}非失信企业可申请/);
    expect(stderr).toMatch(/rows\/s/);
  });

  it('reports every problem of a row at once, and a row with too many cells', async () => {
    const { output } = await screen(file('list.csv', '企业名称,统一社会信用代码,民营企业\n,123,maybe\nA,91500000MA5U00000W,是,extra\n'));
    const [first, second] = csvRows(output);
    expect(first!.error).toBe(
      '统一社会信用代码 (uscc): is not a valid 统一社会信用代码: must have 18 characters, has 3; 民营企业 (privateEnterprise): "maybe" is not a yes/no value (write true/false, 是/否, 1/0 or yes/no; leave empty if unknown); 企业名称 (name): is required',
    );
    expect(second!.error).toBe('4 cells but the header has 3 columns');
  });

  it('gives the same results from CSV, JSONL and XLSX input', async () => {
    const csv = await screen(file('list.csv', list));
    const [header, ...lines] = list.split('\n').map((l) => l.split(','));
    const jsonl = lines.map((cells) => JSON.stringify(Object.fromEntries(header!.map((h, i) => [h, cells[i]]).filter(([, v]) => v !== '')))).join('\n');
    const fromJsonl = await screen(file('list.jsonl', `${jsonl}\n`));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(header!);
    for (const cells of lines) sheet.addRow(cells.map((c) => (c === '' ? null : c)));
    const xlsx = file('list.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const fromXlsx = await screen(xlsx);

    const strip = (rows: Record<string, string>[]) => rows.map(({ row: _row, ...rest }) => rest);
    expect(strip(csvRows(fromJsonl.output))).toEqual(strip(csvRows(csv.output)));
    expect(csvRows(fromXlsx.output)).toEqual(csvRows(csv.output)); // sheet rows are numbered like CSV lines
    expect(csvRows(fromJsonl.output).map((r) => r.row)).toEqual(['1', '2', '3', '4', '5', '6']); // JSONL has no header line
  });

  it('writes the same rows as JSONL and XLSX', async () => {
    const input = file('list.csv', list);
    const csv = csvRows((await screen(input)).output);
    const jsonl = readFileSync((await screen(input, { output: file('out.jsonl'), outputFormat: 'jsonl' })).output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jsonl).toHaveLength(6);
    expect(jsonl[0]).toMatchObject({ row: 2, eligible: 3, eligibleRules: csv[0]!.eligibleRules!.split(';'), estimatedValueCny: 120000, error: null });
    expect(jsonl[2]).toMatchObject({ row: 4, eligible: null, error: csv[2]!.error });

    const { output } = await screen(input, { output: file('out.xlsx'), outputFormat: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const values = workbook.worksheets[0]!.getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toHaveLength(7);
    expect(values[0]).toEqual(['row', 'name', 'uscc', 'eligible', 'undetermined', 'eligibleRules', 'eligibleTitles', 'exclusions', 'estimatedValueCny', 'error', 'asOf', 'facts']);
    expect(values[1]!.slice(0, 5)).toEqual([2, '重庆甲公司', '91500000MA5U00000W', 3, 0]);
  });

  it('splits a list into shards that together hold every row once', async () => {
    const input = file('list.csv', list);
    const shards = await Promise.all([1, 2, 3].map((i) => screen(input, { shard: parseShard(`${i}/3`) })));
    const rowsOf = shards.map((s) => csvRows(s.output).map((r) => Number(r.row)));
    expect(rowsOf).toEqual([
      [2, 5],
      [3, 6],
      [4, 7],
    ]);
    expect(shards.map((s) => s.summary.rowsIn)).toEqual([2, 2, 2]);
    expect(() => parseShard('4/3')).toThrow(/1 ≤ i ≤ n/);
    expect(() => parseShard('1-3')).toThrow();
  });

  it('writes only rows with an eligible rule (and bad rows) with --only eligible', async () => {
    const { output, summary } = await screen(file('list.csv', list), { only: 'eligible' });
    expect(csvRows(output).map((r) => r.row)).toEqual(['2', '3', '4', '5', '6']);
    expect(summary).toMatchObject({ rowsIn: 6, written: 5 });
  });

  it('refuses a list with an unknown column or no uscc column, naming it (exit 1)', async () => {
    await expect(screen(file('list.csv', '企业名称,统一社会信用代码,联系人\nA,91500000MA5U00000W,张三\n'))).rejects.toThrow(InputError);
    await expect(screen(file('list.csv', '企业名称,统一社会信用代码,联系人\nA,91500000MA5U00000W,张三\n'))).rejects.toThrow(/unknown column "联系人" \(column 3\)/);
    await expect(screen(file('list.csv', '企业名称,海关信用等级\nA,advanced\n'))).rejects.toThrow(/no 统一社会信用代码 \(uscc\) column/);
    const { summary } = await screen(file('list.csv', '企业名称,统一社会信用代码,联系人\nA,91500000MA5U00000W,张三\n'), { ignoreUnknownColumns: true });
    expect(summary).toMatchObject({ rowsIn: 1, screened: 1 });
  });

  it('reports a JSONL line that is not JSON or has an unknown key, and screens the others', async () => {
    const lines = ['{"name":"A","uscc":"91500000MA5U00000W","customsCredit":"dishonest"}', '{not json', '{"name":"B","uscc":"91320500MA1N00001Y","phone":"123"}', '[1]'];
    const { output, summary } = await screen(file('list.jsonl', lines.join('\n')));
    const rows = csvRows(output);
    expect(rows.map((r) => r.row)).toEqual(['1', '2', '3', '4']);
    expect(rows[0]).toMatchObject({ eligible: '0', undetermined: '1', error: '' }); // dishonest: 127号-style exclusion fails; province unknown
    expect(rows[1]!.error).toMatch(/^not valid JSON/);
    expect(rows[2]!.error).toMatch(/^phone: unknown field/);
    expect(rows[3]!.error).toBe('not a JSON object (one enterprise per line)');
    expect(summary).toMatchObject({ rowsIn: 4, errors: 3 });
  });

  it('refuses an unreadable file and a CSV with a quote never closed (exit 1)', async () => {
    await expect(screen(join(dir, 'missing.csv'))).rejects.toThrow(/cannot read/);
    await expect(screen(file('list.csv', `${list}\n"open,91500000MA5U00000W\n`))).rejects.toThrow(/line 8: a quoted field is not closed/);
  });
});

describe('huiqi screen on the sample list with the shipped rules', () => {
  it('gives each valid row the eligible rules json-rules-engine gives its profile, rights, goals and pointers apart', async () => {
    const rules = loadRuleSet();
    const sample = fileURLToPath(new URL('../../samples/enterprises.csv', import.meta.url));
    const { output, summary } = await screen(sample, { rules });
    const rows = csvRows(output);
    expect(rows).toHaveLength(300);
    expect(summary.errors).toBeGreaterThan(0);
    // The same rows as profiles, mapped by hand from the sample's headers, through the reference engine.
    const [header, ...lines] = parse(readFileSync(sample, 'utf8'), { bom: true }) as string[][];
    const screened = rows.filter((r) => !r.error).slice(0, 40);
    expect(screened.length).toBe(40);
    for (const row of screened) {
      const cells = lines[Number(row.row) - 2]!;
      const profile = profileFrom(header!, cells);
      const results = await rules.evaluator.evaluateProfile(profile, { asOf: '2025-06-30', evaluator: 'reference' });
      const enterpriseResults = results.filter((r) => r.incidentId === undefined);
      // Counted as the reports group them (verdictGroup): rights, goals and pointers are not counted for a row.
      const inGroup = (group: string) => enterpriseResults.filter((r) => verdictGroup(r) === group);
      const ids = (list: typeof results) => list.map((r) => r.ruleId);
      expect(row.eligibleRules ? row.eligibleRules.split(';') : [], `row ${row.row}`).toEqual(ids(inGroup('applies')));
      expect(row.exclusions ? row.exclusions.split(';') : [], `row ${row.row}`).toEqual(ids(inGroup('exclusions')));
      expect(Number(row.undetermined), `row ${row.row}`).toBe(inGroup('undetermined').length);
    }
  });
});

/** A sample row as a profile, the long way: the sample's headers and cell words written out here. */
function profileFrom(header: string[], cells: string[]) {
  const names: Record<string, string> = {
    企业名称: 'name',
    统一社会信用代码: 'uscc',
    所在省份: 'province',
    海关信用等级: 'customsCredit',
    企业规模: 'enterpriseSize',
    海关编码: 'customsCode',
    民营企业: 'privateEnterprise',
  };
  const words: Record<string, unknown> = {
    是: true,
    true: true,
    1: true,
    yes: true,
    否: false,
    false: false,
    0: false,
    no: false,
    高级认证企业: 'advanced',
    其他注册登记和备案企业: 'registered',
    失信企业: 'dishonest',
    小型: 'small',
    中型: 'medium',
  };
  const data: Record<string, unknown> = {};
  header.forEach((h, i) => {
    const cell = cells[i]!;
    if (cell === '') return;
    const key = names[h] ?? h;
    if (key === 'bondedZoneActivities') data[key] = cell.split(';');
    else if (key === 'cbecAnnualExportValue') data[key] = Number(cell);
    else if (key === 'projectApprovalDate' || key === 'name' || key === 'uscc' || key === 'customsCode' || key === 'province') data[key] = cell;
    else data[key] = cell in words ? words[cell] : cell;
  });
  return parseProfile(data);
}
