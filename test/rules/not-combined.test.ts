// Measures the text says are not combined (渝府办发〔2022〕107号 外资10 "按照同一方向不重复支持的原则…最高不超过1000万元",
// 渝府发〔2024〕10号 附则 "就高不重复"): the relation is data, shown on each affected result, and no estimated
// value adds the measures up.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { screenList } from '../../src/batch/run.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { checkReport, checkTable } from '../../src/report/check-report.ts';
import { ruleDetail } from '../../src/report/rule-report.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import type { Rule } from '../../src/rules/schema.ts';
import { combinedMoneyValue } from '../../src/rules/value.ts';
import { tempDir } from '../support/temp.ts';

const rules = loadRuleSet();
const TWO = 'cq-2022-107/fdi-capital-reward-2-percent';
const FOUR = 'cq-2022-107/fdi-manufacturing-capital-reward-4-percent';
const TWO_TITLE = '年实际到位外资超过1000万美元的新项目或增资项目按不低于2%奖励';
const FOUR_TITLE = '年实际到位外资超过3000万美元的制造业新项目或增资项目按不低于4%奖励';

// A Chongqing manufacturing project with USD 40 million paid in: over 10 million (2%) and over 30 million (4%).
const both = parseProfile(
  {
    name: '重庆某外资制造企业',
    uscc: '91500000MA5U0000XN',
    province: 'chongqing',
    fdiProjectNewOrCapitalIncrease: true,
    fdiManufacturingProject: true,
    fdiProjectRealEstateOrFinance: false,
    fdiAnnualCapitalInPlaceUsd: 40000000,
  },
  'both.yaml',
);

describe('107号外资10: the 2% and the 4% reward are not combined', () => {
  it('an enterprise meeting both gets both listed, each saying it is not combined with the other (check JSON and table)', async () => {
    const asOf = '2024-06-01';
    const results = await rules.evaluator.evaluateProfile(both, { asOf, evaluator: 'native' });
    const json = checkReport({ profile: both, results, asOf, lang: 'zh' });
    const two = json.results.find((r) => r.ruleId === TWO)!;
    const four = json.results.find((r) => r.ruleId === FOUR)!;
    expect([two.status, four.status]).toEqual(['eligible', 'eligible']);
    expect(two.notCombinedWith).toMatchObject({ rules: [FOUR], principle: 'highest' });
    expect(four.notCombinedWith).toMatchObject({ rules: [TWO], principle: 'highest' });
    // The other measure named by its title, never by its rule id.
    expect(two.notCombinedNote!.zh).toBe(`与「${FOUR_TITLE}」不重复享受，按就高（"按照同一方向不重复支持的原则，以上单个项目年度奖励金额最高不超过 1000万元。"）`);
    expect(four.notCombinedNote!.en).toMatch(
      /^not combined with "Reward of at least 2% for new or capital-increase projects with over USD 10 million foreign capital paid in a year": only the higher applies/,
    );
    expect(`${two.notCombinedNote!.zh}${four.notCombinedNote!.en}`).not.toContain('cq-2022-107/');
    const table = checkTable({ profile: both, results, asOf, lang: 'zh' });
    expect(table).toContain(`与「${FOUR_TITLE}」不重复享受，按就高`);
    expect(table).toContain(`与「${TWO_TITLE}」不重复享受，按就高`);
    // `huiqi rules show` says it too, with the lines it rests on.
    expect(ruleDetail(rules.rules.find((r) => r.id === TWO)!, 'zh')).toContain(`combination: 与「${FOUR_TITLE}」不重复享受，按就高`);
  });

  it('every relation in the rule set is mutual, so each affected result shows it', () => {
    const byId = new Map(rules.rules.map((r) => [r.id, r]));
    const oneSided = rules.rules.flatMap((r) =>
      (r.notCombinedWith?.rules ?? []).filter((id) => !byId.get(id)?.notCombinedWith?.rules.includes(r.id)).map((id) => `${r.id} → ${id}`),
    );
    expect(oneSided).toEqual([]);
    expect(
      rules.rules
        .filter((r) => r.notCombinedWith)
        .map((r) => r.id)
        .sort(),
    ).toEqual([TWO, FOUR].sort());
  });

  it('渝府发〔2024〕10号附则: each of its measures says 就高不重复', () => {
    const corridor = rules.rules.filter((r) => r.id.startsWith('cq-2024-10/'));
    expect(corridor.length).toBeGreaterThan(0);
    for (const r of corridor) expect(r.caveats?.map((c) => c.zh).join(), r.id).toMatch(/就高不重复/);
  });
});

describe('an estimated value never counts measures that are not combined twice', () => {
  const base = rules.rules.find((r) => r.id === TWO)!;
  const reward = (id: string, max: number, notCombinedWith?: Rule['notCombinedWith']): Rule => ({
    ...base,
    id,
    outcome: { ...base.outcome, amount: { max, unit: 'CNY' } },
    notCombinedWith,
  });
  const source = { lines: [9322, 9324] as [number, number], quote: '按照同一方向不重复支持的原则' };

  it('highest: only the higher of two related rewards counts; unrelated ones add up', () => {
    const a = reward('t-2024-1/a', 6_000_000, { rules: ['t-2024-1/b'], principle: 'highest', source });
    const b = reward('t-2024-1/b', 8_000_000, { rules: ['t-2024-1/a'], principle: 'highest', source });
    const c = reward('t-2024-1/c', 200_000);
    expect(combinedMoneyValue([a, b])).toBe(8_000_000);
    expect(combinedMoneyValue([a, b, c])).toBe(8_200_000);
    // Without the relation the same rewards add up: the relation is what keeps them apart.
    expect(
      combinedMoneyValue([
        { ...a, notCombinedWith: undefined },
        { ...b, notCombinedWith: undefined },
      ]),
    ).toBe(14_000_000);
  });

  it('a relation named by one side only still groups them; capped sums up to the cap', () => {
    const a = reward('t-2024-1/a', 6_000_000, { rules: ['t-2024-1/b'], principle: 'capped', cap: 10_000_000, source });
    const b = reward('t-2024-1/b', 8_000_000);
    expect(combinedMoneyValue([a, b])).toBe(10_000_000);
    expect(combinedMoneyValue([a])).toBe(6_000_000);
  });

  it('the real 2% and 4% rewards state no CNY figure: no estimated value, never a sum', () => {
    const pair = rules.rules.filter((r) => r.id === TWO || r.id === FOUR);
    expect(combinedMoneyValue(pair)).toBeUndefined();
  });

  it('a screened list row meeting both related rewards is valued at the higher one (estimatedValueCny)', async () => {
    const dir = tempDir('not-combined');
    const ruleFile = join(dir, 'rules', 'national');
    mkdirSync(ruleFile, { recursive: true });
    const rel = (other: string) => `{ rules: [${other}], principle: highest, source: { lines: [1, 1], quote: 就高不重复 } }`;
    const rule = (id: string, max: number, other: string) => `
  - id: ${id}
    title: { zh: 奖励${max}, en: reward ${max} }
    kind: subsidy
    source: { article: 第一条, lines: [1, 1], quote: 就高不重复 }
    appliesTo: enterprise
    conditions: { fact: province, operator: equal, value: chongqing }
    outcome: { zh: 奖励, en: a reward, amount: { max: ${max}, unit: CNY } }
    notCombinedWith: ${rel(other)}
    cases:
      - { name: in Chongqing, enterprise: { province: chongqing }, expect: eligible }
      - { name: elsewhere, enterprise: { province: jiangsu }, expect: ineligible }`;
    writeFileSync(
      join(ruleFile, 'test.yaml'),
      `document: { title: 测试, docNumber: 测试1号, issuer: 测试, date: 2024-01-01, jurisdiction: national, seed: none.txt, lines: [1, 1] }
effective: { from: 2024-01-01 }
rules:${rule('test-2024-1/six', 6000000, 'test-2024-1/eight')}${rule('test-2024-1/eight', 8000000, 'test-2024-1/six')}
`,
    );
    const list = join(dir, 'list.csv');
    writeFileSync(list, '企业名称,统一社会信用代码,所在省份\n重庆甲公司,91500000MA5U00000W,重庆市\n');
    const output = join(dir, 'out.csv');
    const sink = { write: () => true, isTTY: false } as never;
    await screenList({ input: list, output, outputFormat: 'csv', rules: loadRuleSet(join(dir, 'rules')), asOf: '2025-06-30', lang: 'zh', stderr: sink });
    const [row] = parse(readFileSync(output, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(row).toMatchObject({ eligible: '2', estimatedValueCny: '8000000' });
  });
});
