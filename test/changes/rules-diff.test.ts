// `huiqi rules diff OLD NEW` on two fixture folders (test/fixtures/rules-diff): documents and rules added,
// removed and changed, each change by aspect, in text and JSON; with --list, the clients each change touches.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenList } from '../../src/batch/run.ts';
import { diffRules, diffText, touchedClients, type RulesDiff } from '../../src/changes/rules-diff.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { tempDir } from '../support/temp.ts';

const OLD = 'test/fixtures/rules-diff/old';
const NEW = 'test/fixtures/rules-diff/new';
const beforeSet = loadRuleSet(OLD);
const afterSet = loadRuleSet(NEW);
const before = beforeSet.rules;
const after = afterSet.rules;
const dir = tempDir('rules-diff');
const list = join(dir, 'clients.csv');
writeFileSync(
  list,
  [
    '企业名称,统一社会信用代码,海关信用等级,所在省份,企业规模,民营企业',
    '重庆甲公司,91500000MA5U00000W,高级认证企业,重庆,小型,是', // row 2: loses the AEO reward (validity), nothing else changes for it
    '苏州乙公司,91320500MA1N00001Y,registered,江苏,中型,是', // row 3: gains private-small (medium now counts) and the Jiangsu measure, loses the registered reward
    '坏公司,123,registered,江苏,,', // row 4: an error
  ].join('\n'),
);

describe('huiqi rules diff', () => {
  it('lists documents and rules added, removed and changed, each change by aspect', () => {
    const d = diffRules(before, after, { old: OLD, new: NEW });
    expect(d.documents.added.map((x) => x.docNumber)).toEqual(['测试〔2025〕2号']);
    expect(d.documents.removed.map((x) => [x.docNumber, x.rules])).toEqual([['测试〔2023〕9号', ['test-2023-9/registered-reward']]]);
    expect(d.documents.changed).toEqual([]);
    expect(d.rules.added.map((r) => r.id)).toEqual(['test-2024-1/large-enterprise-service', 'test-2025-2/jiangsu-private']);
    expect(d.rules.removed.map((r) => r.id)).toEqual(['test-2023-9/registered-reward']);
    expect(d.rules.changed.map((r) => [r.id, r.changes.map((c) => c.aspect)])).toEqual([
      ['test-2024-1/aeo-in-chongqing', ['validity']],
      ['test-2024-1/not-dishonest', ['outcome']],
      ['test-2024-1/private-small', ['conditions']],
    ]);
    const [validity, outcome, conditions] = d.rules.changed.map((r) => r.changes[0]!);
    expect([validity!.before, validity!.after]).toEqual(['2024-01-01 – …', '2024-01-01 – 2025-03-31']);
    expect(outcome!.after).toContain('可申请并优先办理');
    expect([conditions!.removed, conditions!.added]).toEqual([['enterpriseSize in ["small","micro"]'], ['enterpriseSize in ["medium","small","micro"]']]);
    const text = diffText(d, 'en');
    expect(text).toMatch(/documents: 1 added, 1 removed, 0 changed; rules: 2 added, 1 removed, 3 changed/);
    expect(text).toMatch(/~ test-2024-1\/private-small .*\n {6}conditions:\n {8}- enterpriseSize in \["small","micro"\]\n {8}\+ enterpriseSize in \["medium","small","micro"\]/);
    expect(diffText(diffRules(after, after, { old: NEW, new: NEW }), 'en')).toMatch(/rules: 0 added, 0 removed, 0 changed\n {2}no change\n$/);
  });

  it('with --list, names the clients each change touches, from a list or from a screening result', async () => {
    const fromList = await touchedClients(diffRules(before, after, { old: OLD, new: NEW }), beforeSet, afterSet, list, '2025-06-30', 'zh');
    const touched = (d: RulesDiff, id: string) =>
      [...d.rules.added, ...d.rules.removed, ...d.rules.changed].find((r) => r.id === id)!.clients!.map((c) => `${c.row} ${c.before}→${c.after}`);
    expect(touched(fromList, 'test-2024-1/aeo-in-chongqing')).toEqual(['2 eligible→not-in-force']);
    expect(touched(fromList, 'test-2024-1/private-small')).toEqual(['3 ineligible→eligible']);
    expect(touched(fromList, 'test-2023-9/registered-reward')).toEqual(['3 eligible→absent']);
    expect(touched(fromList, 'test-2025-2/jiangsu-private')).toEqual(['3 absent→eligible']);
    expect(touched(fromList, 'test-2024-1/large-enterprise-service')).toEqual([]); // neither is large
    expect(touched(fromList, 'test-2024-1/not-dishonest')).toEqual([]); // the outcome changed, not the verdicts
    expect(fromList.listErrors!.map((e) => e.row)).toEqual([4]);

    // A screening result (its facts column) names the same clients.
    const result = join(dir, 'result.csv');
    await screenList({
      input: list,
      output: result,
      outputFormat: 'csv',
      rules: afterSet,
      asOf: '2025-06-30',
      lang: 'zh',
      stderr: { write: () => true } as unknown as NodeJS.WritableStream,
    });
    const fromResult = await touchedClients(diffRules(before, after, { old: OLD, new: NEW }), beforeSet, afterSet, result, '2025-06-30', 'zh');
    expect(fromResult.rules).toEqual(fromList.rules);
  });

  it('huiqi rules diff prints text, or JSON with --format json', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['bin/huiqi.js', 'rules', 'diff', OLD, NEW, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const text = run(['--lang', 'en']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^huiqi rules diff test\/fixtures\/rules-diff\/old test\/fixtures\/rules-diff\/new\n/);
    const json = run(['--format', 'json', '--list', list, '--as-of', '2025-06-30']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      old: OLD,
      new: NEW,
      asOf: '2025-06-30',
      rules: { removed: [{ id: 'test-2023-9/registered-reward', clients: [{ row: 3, name: '苏州乙公司' }] }] },
    });
  }, 60_000);
});
