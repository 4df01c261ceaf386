// What users' lists really look like and what their spreadsheet programs do with our output: formula
// cells neutralised in CSV, encodings, ragged rows, row numbers, sheets and title rows, the summary.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { screenList, type ScreenListOptions } from '../../src/batch/run.ts';
import { csvLine } from '../../src/batch/write.ts';
import { loadRules } from '../../src/rules/load.ts';

const fixtureRules = loadRules(fileURLToPath(new URL('./fixtures/rules', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'huiqi-input-output-'));
let n = 0;
const file = (name: string, content?: string | Uint8Array) => {
  const path = join(dir, `${n++}-${name}`);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};

async function screen(input: string, extra: Partial<ScreenListOptions> = {}) {
  const output = extra.output ?? file('out.csv');
  let stderr = '';
  const err = { write: (s: string) => ((stderr += s), true), isTTY: false } as never;
  const summary = await screenList({ input, output, outputFormat: 'csv', rules: fixtureRules, asOf: '2025-06-30', lang: 'zh', stderr: err, ...extra });
  return { summary, output, stderr };
}
const csvRows = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

describe('CSV output is safe to open in Excel or WPS', () => {
  it("prefixes a single quote to cells starting with = + - @ tab or CR, and leaves others alone", async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '重庆甲公司', 'a=b'];
    const input = file('in.csv', ['企业名称,统一社会信用代码', ...names.map((name) => `"${name.replace(/"/g, '""')}",91500000MA5U00000W`)].join('\n'));
    const { output } = await screen(input);
    expect(csvRows(output).map((r) => r.name)).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", '重庆甲公司', 'a=b']);
    // Names are trimmed on input, so tab and CR can only lead a cell written some other way.
    expect(csvLine(['\tTab', '\rCR', 'ok', 7])).toBe(`'\tTab,"'\rCR",ok,7\r\n`);
  });
});
