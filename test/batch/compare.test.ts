// `huiqi screen --compare`: a list screened, then screened again after a change of the client's facts
// and of a rule's validity; the comparison names exactly those changes, each with its reason. Also a
// previous result from an older rule set, from another list, with edited columns or cells.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { screenList, type ScreenListOptions } from '../../src/batch/run.ts';
import { InputError } from '../../src/io/input-error.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { tempDir } from '../support/temp.ts';

const rulesDir = fileURLToPath(new URL('./fixtures/rules', import.meta.url));
const dir = tempDir('compare-test');
let n = 0;
const file = (name: string, content?: string) => {
  const path = join(dir, `${n++}-${name}`);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};

/** The fixture rules with test-2024-1/aeo-in-chongqing given its own validity (the one rule changed). */
function rulesWithValidity(effective: string): string {
  const copy = file('rules');
  cpSync(rulesDir, copy, { recursive: true });
  const path = join(copy, 'test-screening.yaml');
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(
    '    appliesTo: enterprise\n    conditions:\n      all:\n        - { fact: customsCredit, operator: equal, value: advanced }',
    `    appliesTo: enterprise\n    effective: ${effective}\n    conditions:\n      all:\n        - { fact: customsCredit, operator: equal, value: advanced }`,
  );
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
  return copy;
}

const list = [
  '企业名称,统一社会信用代码,海关信用等级,所在省份,企业规模,民营企业',
  '重庆甲公司,91500000MA5U00000W,高级认证企业,重庆市,小型,是', // row 2: all three rules apply
  '苏州乙公司,91320500MA1N00001Y,registered,江苏,large,否', // row 3: only not-dishonest
  '重庆丙公司,91500000MA5U00010X,registered,重庆,小型,是', // row 4: private-small and not-dishonest
].join('\n');

async function screen(input: string, extra: Partial<ScreenListOptions> & { rulesFrom?: string } = {}) {
  const { rulesFrom, ...rest } = extra;
  const output = (rest.output as string | undefined) ?? file('out.csv');
  let err = '';
  const stderr = { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream;
  const summary = await screenList({ input, output, outputFormat: 'csv', rules: loadRuleSet(rulesFrom ?? rulesDir), asOf: '2025-06-30', lang: 'zh', stderr, ...rest });
  return { summary, output, stderr: err };
}
const csvRows = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

describe('screen --compare', () => {
  it('names exactly the changes after one client fact and one rule validity changed, each with its reason', async () => {
    const previous = (await screen(file('list.csv', list))).output;
    // 重庆甲公司 is no longer a private enterprise; the AEO reward now ends on 2025-03-31.
    const changedList = list.replace('重庆甲公司,91500000MA5U00000W,高级认证企业,重庆市,小型,是', '重庆甲公司,91500000MA5U00000W,高级认证企业,重庆市,小型,否');
    const { output, summary, stderr } = await screen(file('list2.csv', changedList), {
      compare: previous,
      rulesFrom: rulesWithValidity('{ from: 2024-01-01, to: 2025-03-31 }'),
    });
    const rows = csvRows(output);
    expect(rows.map((r) => [r.row, r.compared, r.gained, r.lost])).toEqual([
      ['2', '按统一社会信用代码', '', 'test-2024-1/aeo-in-chongqing;test-2024-1/private-small'],
      ['3', '按统一社会信用代码', '', ''],
      ['4', '按统一社会信用代码', '', ''],
    ]);
    expect(rows[0]!.reasons!.split(' | ')).toEqual(['test-2024-1/aeo-in-chongqing: 已失效：有效期至2025-03-31', 'test-2024-1/private-small: 企业信息变化：民营企业：是 → 否']);
    expect(summary.comparison).toMatchObject({ matchedByUscc: 3, changedCount: 1, added: 0, missing: [] });
    expect(stderr).toMatch(/clients with a change: 1\n {4}row 2 重庆甲公司: -test-2024-1\/aeo-in-chongqing -test-2024-1\/private-small/);
  });

  it('tells a measure that ended or came into force with time from a change of the rules', async () => {
    const rules = rulesWithValidity('{ from: 2025-03-01, to: 2025-12-31 }');
    const input = file('list.csv', list);
    const march = (await screen(input, { rulesFrom: rules, asOf: '2025-02-15', lang: 'en' })).output;
    const june = await screen(input, { rulesFrom: rules, compare: march, lang: 'en' });
    const gained = csvRows(june.output)[0]!;
    expect([gained.gained, gained.reasons]).toEqual(['test-2024-1/aeo-in-chongqing', 'test-2024-1/aeo-in-chongqing: came into force on 2025-03-01']);
    const next = await screen(input, { rulesFrom: rules, compare: june.output, asOf: '2026-01-01', lang: 'en' });
    const lost = csvRows(next.output)[0]!;
    expect([lost.lost, lost.reasons]).toEqual(['test-2024-1/aeo-in-chongqing', 'test-2024-1/aeo-in-chongqing: ended: in force until 2025-12-31']);
  });

  it('tells a rule of a new document by its start, and a rule whose conditions changed as a change of the rules', async () => {
    const previous = (await screen(file('list.csv', list), { asOf: '2025-06-30' })).output;
    const newer = file('rules');
    cpSync(rulesDir, newer, { recursive: true });
    writeFileSync(
      join(newer, 'test-2025-9.yaml'),
      [
        'document: { title: 新文件, docNumber: 测试〔2025〕9号, issuer: 测试, date: 2025-09-01, jurisdiction: national, seed: none.txt, lines: [1, 1] }',
        'effective: { from: 2025-09-01 }',
        'rules:',
        '  - id: test-2025-9/large-enterprise-service',
        '    title: { zh: 大型企业专员服务, en: A service officer for large enterprises }',
        '    kind: facilitation',
        '    source: { article: 第一条, lines: [1, 1], quote: 大型企业 }',
        '    appliesTo: enterprise',
        '    conditions: { all: [{ fact: enterpriseSize, operator: equal, value: large }] }',
        '    outcome: { zh: 专员服务, en: a service officer }',
        '    cases:',
        '      - { name: a large enterprise, enterprise: { enterpriseSize: large }, expect: eligible }',
        '      - { name: a small one, enterprise: { enterpriseSize: small }, expect: ineligible }',
      ].join('\n'),
    );
    // And an older rule's conditions widened: registered enterprises too.
    const old = join(newer, 'test-screening.yaml');
    writeFileSync(
      old,
      readFileSync(old, 'utf8').replace('- { fact: customsCredit, operator: equal, value: advanced }', '- { fact: customsCredit, operator: in, value: [advanced, registered] }'),
    );
    const { output } = await screen(file('list.csv', list), { compare: previous, rulesFrom: newer, asOf: '2025-10-08', lang: 'en' });
    const rows = csvRows(output);
    expect(rows.map((r) => r.gained)).toEqual(['', 'test-2025-9/large-enterprise-service', 'test-2024-1/aeo-in-chongqing']);
    // The result's date is the evaluation date, not when it was run (a back-dated screening uses today's
    // rules): a document's date cannot tell that it was not in the previous rule set, its start can be told.
    expect(rows[1]!.reasons).toBe('test-2025-9/large-enterprise-service: came into force on 2025-09-01');
    expect(rows[2]!.reasons).toBe('test-2024-1/aeo-in-chongqing: the rules changed: the rule was added, or its conditions or validity changed');
  });

  it('reads a previous result from an older rule set: a rule id that no longer exists is reported as removed', async () => {
    const previous = (await screen(file('list.csv', list))).output;
    const edited = readFileSync(previous, 'utf8').replace(
      'test-2024-1/not-dishonest,非失信企业可申请',
      'test-2024-1/not-dishonest;test-2023-9/withdrawn-reward,非失信企业可申请；旧奖励',
    );
    const { output } = await screen(file('list.csv', list), { compare: file('prev.csv', edited), lang: 'en' });
    const row = csvRows(output)[1]!;
    expect([row.lost, row.reasons]).toEqual(['test-2023-9/withdrawn-reward', 'test-2023-9/withdrawn-reward: removed: the rule is no longer in the rule set']);
  });

  it('reads XLSX and JSONL results with Chinese headers, matches by name when the USCC is not there, and reports what it cannot match', async () => {
    const input = file('list.csv', list);
    const xlsx = (await screen(input, { output: file('prev.xlsx'), outputFormat: 'xlsx', headers: 'zh' })).output;
    const fromXlsx = await screen(input, { compare: xlsx });
    expect(fromXlsx.summary.comparison).toMatchObject({ matchedByUscc: 3, changedCount: 0 });

    const jsonl = (await screen(input, { output: file('prev.jsonl'), outputFormat: 'jsonl' })).output;
    const lines = readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    lines[1].uscc = ''; // matched by its name
    lines[2].uscc = '';
    lines[2].name = ''; // neither: reported
    const edited = file('prev.jsonl', `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const { output, summary, stderr } = await screen(input, { compare: edited, lang: 'en' });
    expect(csvRows(output).map((r) => r.compared)).toEqual(['uscc', 'name', 'new: not in the previous result']);
    expect(summary.comparison).toMatchObject({ matchedByUscc: 1, matchedByName: 1, added: 1, unmatchable: [3] });
    expect(stderr).toMatch(/previous rows with neither uscc nor name, not compared: rows 3/);
  });

  it('refuses a result of another list or a file with edited columns, naming the file; the output file stays as it was', async () => {
    const previous = (await screen(file('list.csv', list))).output;
    const output = file('kept.csv', 'an earlier result\n');
    const other = (await screen(file('other.csv', '企业名称,统一社会信用代码\n别的公司,91110000MA00000019\n'))).output;
    await expect(screen(file('list.csv', list), { compare: other, output })).rejects.toThrow(
      /none of its 1 row\(s\) matches a row of .* by uscc or name: is it the result of another list\? Nothing was written/,
    );
    expect(readFileSync(output, 'utf8')).toBe('an earlier result\n');

    const noRules = readFileSync(previous, 'utf8').replace(',eligibleRules,', ',适用的规则,');
    const attempt = screen(file('list.csv', list), { compare: file('edited.csv', noRules), output });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(screen(file('list.csv', list), { compare: file('edited.csv', noRules), output })).rejects.toThrow(
      /not a screening result of huiqi screen: no eligibleRules \(适用措施编号\) column \(its columns: .*"适用的规则"/,
    );
    expect(readFileSync(output, 'utf8')).toBe('an earlier result\n');
    expect(existsSync(join(dir, 'missing.csv'))).toBe(false);
  });

  it('notes an edited facts cell on its row and still compares the rest', async () => {
    const previous = readFileSync((await screen(file('list.csv', list))).output, 'utf8');
    const edited = previous.replace(
      'test-2024-1/not-dishonest,非失信企业可申请,,,,2025-06-30,"{""customsCredit"":""registered"",""province"":""jiangsu""',
      'test-2024-1/not-dishonest,非失信企业可申请,,,,2025-06-30,"{customsCredit: registered, ""province"":""jiangsu""',
    );
    expect(edited).not.toBe(previous);
    const changed = list.replace('苏州乙公司,91320500MA1N00001Y,registered,江苏,large,否', '苏州乙公司,91320500MA1N00001Y,dishonest,江苏,large,否');
    const { output } = await screen(file('list.csv', changed), { compare: file('prev.csv', edited), lang: 'en' });
    const rows = csvRows(output);
    expect(rows[1]!.lost).toBe('test-2024-1/not-dishonest');
    expect(rows[1]!.reasons).toMatch(
      /^test-2024-1\/not-dishonest: reason not known \(the previous result has no readable facts for this row\) \| previous row 3: facts: not readable/,
    );
    expect(rows[0]!.reasons).toBe('');
  });
});
