// What users' lists really look like and what their spreadsheet programs do with our output: formula
// cells neutralised in CSV, encodings, ragged rows, row numbers, sheets and title rows, the summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinColumns } from '../../src/batch/columns.ts';
import { screenList, type ScreenListOptions } from '../../src/batch/run.ts';
import { formatSummary } from '../../src/batch/summary.ts';
import { csvLine } from '../../src/batch/write.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { gb18030, utf16le } from '../fixtures/encodings.ts';
import { tempDir } from '../support/temp.ts';

const fixtureRules = loadRuleSet(fileURLToPath(new URL('./fixtures/rules', import.meta.url)));
const dir = tempDir('input-output');
let n = 0;
const file = (name: string, content?: string | Uint8Array) => {
  const path = join(dir, `${n++}-${name}`);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};

async function screen(input: string, extra: Partial<ScreenListOptions> & { output?: string } = {}) {
  const output = extra.output ?? file('out.csv');
  let stderr = '';
  const err = { write: (s: string) => ((stderr += s), true), isTTY: false } as never;
  const summary = await screenList({ input, output, outputFormat: 'csv', rules: fixtureRules, asOf: '2025-06-30', lang: 'zh', stderr: err, ...extra });
  return { summary, output, stderr };
}
const csvRows = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

describe('CSV output is safe to open in Excel or WPS', () => {
  it('prefixes a single quote to cells starting with = + - @ tab or CR, and leaves others alone', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '重庆甲公司', 'a=b'];
    const input = file('in.csv', ['企业名称,统一社会信用代码', ...names.map((name) => `"${name.replace(/"/g, '""')}",91500000MA5U00000W`)].join('\n'));
    const { output } = await screen(input);
    expect(csvRows(output).map((r) => r.name)).toEqual(['\'=HYPERLINK("http://x","y")', "'+1", "'-2", "'@SUM(A1)", '重庆甲公司', 'a=b']);
    // Names are trimmed on input, so tab and CR can only lead a cell written some other way.
    expect(csvLine(['\tTab', '\rCR', 'ok', 7])).toBe(`'\tTab,"'\rCR",ok,7\r\n`);
  });
});

describe('lists in the encodings Excel saves', () => {
  const text = '企业名称,统一社会信用代码,海关信用等级,所在省份\n重庆甲公司,91500000MA5U00000W,高级认证企业,重庆\n';

  it('reads a GB18030 (GBK) CSV, saying so on stderr', async () => {
    const { output, stderr, summary } = await screen(file('gbk.csv', gb18030(text)));
    expect(summary.errors).toBe(0);
    expect(csvRows(output)[0]).toMatchObject({ name: '重庆甲公司', eligible: '2' });
    expect(stderr).toMatch(/gbk\.csv: not valid UTF-8; read as GB18030/);
  });

  it("reads UTF-16 with a BOM, tab-separated (Excel's Unicode text)", async () => {
    const { output, stderr } = await screen(file('unicode.txt', utf16le(text.replace(/,/g, '\t'))));
    expect(csvRows(output)[0]).toMatchObject({ name: '重庆甲公司', eligible: '2' });
    expect(stderr).not.toMatch(/GB18030/);
  });

  it('takes --encoding at its word: GBK bytes read as UTF-8 are refused, naming the file', async () => {
    const input = file('gbk.csv', gb18030(text));
    await expect(screen(input, { encoding: 'utf8' })).rejects.toThrow(/gbk\.csv: not valid UTF-8 \(at byte [\d,]+: 0x[0-9a-f]{2};/);
    const { output } = await screen(input, { encoding: 'gb18030' });
    expect(csvRows(output)[0]!.name).toBe('重庆甲公司');
  });
});

describe('CSV rows', () => {
  it('reports a short row like a long one, and numbers rows as a spreadsheet does (a quoted line break is one row)', async () => {
    const input = file(
      'ragged.csv',
      [
        '企业名称,统一社会信用代码,海关信用等级,所在省份',
        '"重庆甲公司\n（原名：重庆乙公司）",91500000MA5U00000W,advanced,重庆', // row 2, lines 2–3
        '短行公司,91500000MA5U00000W,advanced', // row 3: a cell short
        '长行公司,91500000MA5U00000W,advanced,重庆,多余', // row 4: a cell too many
        '',
        '好公司,91500000MA5U00000W,advanced,重庆', // row 6 (row 5 is empty)
      ].join('\n'),
    );
    const { output, summary } = await screen(input);
    const rows = csvRows(output);
    expect(rows.map((r) => [r.row, r.error])).toEqual([
      ['2', ''],
      ['3', '3 cells but the header has 4 columns'],
      ['4', '5 cells but the header has 4 columns'],
      ['6', ''],
    ]);
    expect(summary.errorRows.map((e) => e.row)).toEqual([3, 4]);
  });
});

describe('size limits in a list', () => {
  it('cuts a cell over 1,000 characters and reports the row, without echoing the cell', async () => {
    const input = file('long.csv', `企业名称,统一社会信用代码\n${'甲'.repeat(50_000)},91500000MA5U00000W\n好公司,91500000MA5U00000W\n`);
    const { output } = await screen(input);
    const rows = csvRows(output);
    expect(rows[0]!.error).toBe('企业名称: is 50,000 characters long; a cell may be at most 1,000');
    expect(rows[0]!.name!.length).toBeLessThan(50);
    expect(rows[1]!.error).toBe('');
  });
});

describe('spreadsheets as users make them', () => {
  const numberField = builtinColumns.fields.find((f) => f.type === 'number')!;

  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const path = file('list.xlsx');
    await wb.xlsx.writeFile(path);
    return path;
  }

  /** An empty first sheet, then a list under a merged title row and a blank row. */
  const titled = () =>
    workbook((wb) => {
      wb.addWorksheet('说明');
      const ws = wb.addWorksheet('名单');
      ws.addRow(['2024年重点企业名单']);
      ws.mergeCells('A1:D1');
      ws.addRow([]);
      ws.addRow(['企业名称', '统一社会信用代码', 'projectApprovalDate', numberField.field]);
      ws.addRow(['甲公司', '91500000MA5U00000W', 45292, 12]); // row 4: 45292 is 2024-01-01 as Excel stores it
      ws.addRow(['乙公司', '91500000MA5U00000W', '2024-02-01', { formula: 'D4*2' }]); // row 5: a formula never calculated
    });

  it('finds the list on the first sheet with rows, below its title, and reads serial dates', async () => {
    const { output } = await screen(await titled());
    expect(csvRows(output).map((r) => [r.row, r.name, r.error])).toEqual([
      ['4', '甲公司', ''],
      ['5', '乙公司', `${numberField.field}: the formula =D4*2 has no saved value (open and save the file in Excel or WPS)`],
    ]);
  });

  it('reads the sheet and header row asked for, and names the sheets when --sheet names none', async () => {
    const path = await titled();
    expect(csvRows((await screen(path, { sheet: '名单', headerRow: 3 })).output)).toHaveLength(2);
    expect(csvRows((await screen(path, { sheet: '2' })).output)).toHaveLength(2);
    await expect(screen(path, { sheet: '名单', headerRow: 2 })).rejects.toThrow(/sheet "名单": row 2 \(--header-row\) is empty/);
    await expect(screen(path, { sheet: '清单' })).rejects.toThrow(/no sheet "清单"; the sheets are "说明", "名单"/);
    await expect(screen(path, { sheet: '1' })).rejects.toThrow(/sheet "说明" is empty/);
  });

  it('names the column under a merged header cell', async () => {
    const path = await workbook((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['企业名称', '统一社会信用代码', '海关信用等级', '']);
      ws.mergeCells('C1:D1');
      ws.getCell('C1').border = { bottom: { style: 'thin' } }; // as Excel does, the covered cell D1 is written (empty, styled)
      ws.addRow(['甲公司', '91500000MA5U00000W', 'advanced', '一般认证']);
    });
    await expect(screen(path)).rejects.toThrow(/sheet "Sheet1": column D has a value in row 2 but no header in row 1 \(merged header cells\?/);
  });
});

describe('the summary on stderr', () => {
  it('lists disqualifications that apply apart from the eligible rules', () => {
    const [benefit, exclusion] = [fixtureRules.rules[0]!, { ...fixtureRules.rules[1]!, id: 'test-2024-1/dishonest-excluded', kind: 'disqualification' as const }];
    const text = formatSummary(
      {
        input: 'list.csv',
        format: 'csv',
        rowsIn: 3,
        screened: 3,
        errors: 0,
        written: 3,
        seconds: 1,
        errorRows: [],
        perRule: [
          { rule: benefit, eligible: 2, undetermined: 0 },
          { rule: exclusion, eligible: 1, undetermined: 0 },
        ],
      },
      'en',
    );
    const eligible = text.slice(text.indexOf('eligible per rule'), text.indexOf('exclusions per rule'));
    expect(eligible).toContain('(1 of 1 enterprise rules matched at least one row)');
    expect(eligible).toContain(benefit.id);
    expect(eligible).not.toContain(exclusion.id);
    expect(text.slice(text.indexOf('exclusions per rule'))).toMatch(/disqualifications that apply; 1 of 1 matched at least one row\):\n\s+1 {2}test-2024-1\/dishonest-excluded/);
  });
});
