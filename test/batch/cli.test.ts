// `huiqi screen` as a user runs it: the README command on the sample, stdin and stdout, exit codes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.ts';

const fixtureRules = 'test/batch/fixtures/rules';
const dir = tempDir('screen-cli');

function huiqi(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8', input, env: { ...process.env, CI: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const list = '企业名称,统一社会信用代码,海关信用等级,所在省份\n重庆甲公司,91500000MA5U00000W,advanced,重庆\n坏代码公司,91320500MA1N00001X,advanced,江苏\n';

describe('huiqi screen (command line)', () => {
  it("runs the README's command on the sample: output written, summary on stderr, bad rows by number, rows out = rows in", () => {
    const out = join(dir, 'screened.csv');
    const { code, stdout, stderr } = huiqi(['screen', 'samples/enterprises.csv', '-o', out, '--as-of', '2025-06-30']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const rows = parse(readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(300);
    expect(stderr).toMatch(/rows in 300, rows out 300; screened 288, with errors 12/);
    expect(stderr).toMatch(/row 9: 统一社会信用代码 \(uscc\): is not a valid 统一社会信用代码/);
    expect(stderr).toMatch(/eligible per rule/);
    expect(stderr).not.toMatch(/\r/); // no progress bar when stderr is not a terminal
  });

  it('reads stdin and writes stdout with -, so it composes with other tools', () => {
    const { code, stdout, stderr } = huiqi(['screen', '-', '--rules', fixtureRules, '--as-of', '2025-06-30'], list);
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.row, r.eligible, r.error === ''])).toEqual([
      ['2', '2', true],
      ['3', '', false],
    ]);
    expect(stderr).toContain('huiqi screen: stdin (csv)');

    const jsonl = huiqi(
      ['screen', '-', '--rules', fixtureRules, '--format', 'jsonl', '--as-of', '2025-06-30'],
      '{"name":"A","uscc":"91500000MA5U00000W","customsCredit":"dishonest"}\n',
    );
    expect(JSON.parse(jsonl.stdout)).toMatchObject({ row: 1, eligible: 0, undetermined: 1 });
  });

  it('teaches the column mapping in --help and lists every column with --columns', () => {
    const help = huiqi(['screen', '--help']);
    expect(help.stdout).toContain('企业名称 / name and 统一社会信用代码 / uscc are required');
    expect(help.stdout).toContain('--shard');
    const columns = huiqi(['screen', '--columns']);
    expect(columns.code).toBe(0);
    expect(columns.stdout).toMatch(/\| customsCredit \| enum \| customsCredit \/ 海关信用等级 \/ .*\| advanced, registered, dishonest \(or 高级认证企业/);
  });

  it('exits 1 for invalid input (unknown column, unreadable file) and 2 for a usage error', () => {
    const bad = huiqi(['screen', '-', '--rules', fixtureRules], '企业名称,统一社会信用代码,手机\nA,91500000MA5U00000W,1\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown column "手机" (column 3)');
    expect(huiqi(['screen', join(dir, 'nothing.csv'), '--rules', fixtureRules]).code).toBe(1);
    const usage = huiqi(['screen', 'samples/enterprises.csv', '--shard', '3/2']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--shard must be i/n with 1 ≤ i ≤ n');
    expect(huiqi(['screen']).code).toBe(2);
  });

  // A bad USCC and a bad credit word: the row's problems are in the summary too.
  const mixed = '企业名称,统一社会信用代码,海关信用等级,所在省份\n重庆甲公司,91500000MA5U00000W,advanced,重庆\n乙公司,9150000,bogus,重庆\n';
  const headerOf = (csv: string) => csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  /** Two English words in a row: a sentence, or part of one (file names and rule ids have none). */
  const englishWords = /[A-Za-z]{2,} [A-Za-z]{2,}/;

  it('--lang zh: Chinese column headers and a summary with no English sentence, the row problems in Chinese', () => {
    const { code, stdout, stderr } = huiqi(['screen', '-', '--lang', 'zh', '--as-of', '2025-06-30'], mixed);
    expect(code).toBe(0);
    expect(headerOf(stdout)).toBe('行号,企业名称,统一社会信用代码,适用措施数,待确认措施数,适用措施编号,适用措施,排除情形编号,估计金额（元）,错误,评估日期,所填信息');
    expect(stderr).toMatch(/读入 2 行，写出 2 行；已筛查 1 行，有错误 1 行/);
    expect(stderr).toContain('第 3 行：统一社会信用代码 (uscc)：应为18位，现为7位；海关信用等级 (customsCredit)：请从以下选项中选择：高级认证企业、');
    // The table a person reads says the row's problem in Chinese too.
    expect(stdout).toContain('统一社会信用代码 (uscc)：应为18位，现为7位');
    expect(stdout).not.toMatch(/must have 18 characters/);
    expect(stderr).toMatch(/各措施适用的企业数（\d+ 项企业措施中 \d+ 项至少适用于一行）/);
    expect(stderr.replace(/^huiqi screen/, '')).not.toMatch(englishWords);
  });

  it('--lang zh with --headers en: English headers for a script, the summary still in Chinese', () => {
    const { code, stdout, stderr } = huiqi(['screen', '-', '--lang', 'zh', '--headers', 'en', '--as-of', '2025-06-30'], mixed);
    expect(code).toBe(0);
    expect(headerOf(stdout)).toMatch(/^row,name,uscc,eligible,/);
    expect(stderr).toMatch(/读入 2 行/);
  });

  it('no --lang, or --lang en: English headers and the English summary, as scripts written before read them', () => {
    for (const lang of [[], ['--lang', 'en']]) {
      const { code, stdout, stderr } = huiqi(['screen', '-', ...lang, '--as-of', '2025-06-30'], mixed);
      expect(code).toBe(0);
      expect(headerOf(stdout)).toMatch(/^row,name,uscc,eligible,/);
      expect(stderr).toMatch(/rows in 2, rows out 2; screened 1, with errors 1/);
      expect(stderr).toMatch(/row 3: 统一社会信用代码 \(uscc\): is not a valid 统一社会信用代码: must have 18 characters, has 7/);
      expect(stdout).toMatch(/must have 18 characters, has 7/);
    }
  });

  it('--lang zh --compare: what changed since a previous result, said in Chinese', () => {
    const previous = join(dir, 'previous-zh.csv');
    expect(huiqi(['screen', '-', '--lang', 'zh', '-o', previous, '--as-of', '2025-06-30'], mixed).code).toBe(0);
    const { code, stderr } = huiqi(['screen', '-', '--lang', 'zh', '--compare', previous, '--as-of', '2025-06-30'], mixed);
    expect(code).toBe(0);
    expect(stderr).toMatch(/与 \S+previous-zh\.csv 比对：上次结果 2 行；按统一社会信用代码匹配 \d+ 行/);
    expect(stderr).toMatch(/有变化的客户：0 个/);
    expect(stderr.replace(/^huiqi screen/, '')).not.toMatch(englishWords);
  });
});
