// Every output groups results the same way (src/report/groups.ts verdictGroup): what applies, exclusions,
// rights (protections invoked when the situation happens), informational goals and pointers (never counted
// as eligible, never valued), undetermined and situational; caveats and doubtful figures shown beside
// each result. Fixture rules, so the expectations do not move when the catalog is reclassified.
import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { checkJson, checkMarkdown, checkTable } from '../../src/report/check-report.ts';
import { buildClientReport, clientReportMarkdown } from '../../src/report/client-report.ts';
import { clientReportHtml } from '../../src/report/html.ts';
import { groupResults } from '../../src/report/groups.ts';
import { CASE_USCC } from '../../src/cases/cases.ts';
import type { Rule } from '../../src/rules/schema.ts';
import { enterpriseRule } from '../fixtures/rules.ts';

const advanced = { fact: 'customsCredit', operator: 'equal', value: 'advanced' } as const;
const named = (id: string, title: string, rule: Rule): Rule => ({ ...rule, id: `test-2024-1/${id}`, title: { zh: `${title}（中）`, en: title } });

/** 海关总署公告2023年第148号 第五条 style: customs' own judgment of a supervision risk is a caveat, not a question. */
const caveated = named(
  'caveated-benefit',
  'AEO guarantee exemption',
  enterpriseRule(advanced, {
    kind: 'facilitation',
    caveats: [{ zh: '海关认为存在监管风险的除外', en: 'unless customs judges there is a supervision risk' }],
  }),
);
/** A protection: 重庆市优化营商环境条例 第十条 style "may refuse an apportionment". */
const right = named(
  'refuse-apportionment',
  'The right to refuse an apportionment',
  enterpriseRule(undefined as never, {
    kind: 'right',
    conditions: undefined,
    trigger: { fact: 'apportionmentDemanded', operator: 'equal', value: true },
    cases: [
      { name: 'demanded', enterprise: { apportionmentDemanded: true }, expect: 'eligible' },
      { name: 'not demanded', enterprise: { apportionmentDemanded: false }, expect: 'ineligible' },
    ],
  }),
);
const informationalCases = [
  { name: 'advanced', enterprise: { customsCredit: 'advanced' }, expect: 'informational' },
  { name: 'registered', enterprise: { customsCredit: 'registered' }, expect: 'ineligible' },
];
/** 争取…6小时内放行: a government target. */
const goal = named('six-hour-release', 'Release within 6 hours (a target)', enterpriseRule(advanced, { kind: 'goal', cases: informationalCases }));
/** 落实…优惠政策: a pointer to another policy with its own conditions. */
const pointer = named('apply-tax-incentives', 'Use the existing tax incentives (a pointer)', enterpriseRule(advanced, { kind: 'pointer', cases: informationalCases }));
/** A figure from the machine-garbled Hubei seed: met, it stays undetermined. */
const doubtful = named(
  'garbled-subsidy',
  'Subsidy on a garbled figure',
  enterpriseRule(advanced, {
    kind: 'subsidy',
    outcome: { zh: '补贴', en: 'a subsidy', amount: { max: 500000, unit: 'CNY' } },
    confidence: { level: 'low', reason: { zh: '种子文本乱码', en: 'the seed text is garbled' } },
  }),
);
const rules = [caveated, right, goal, pointer, doubtful];

async function run(facts: Record<string, unknown>) {
  const profile = parseProfile({ name: '测试企业', uscc: CASE_USCC, ...facts });
  const asOf = '2024-06-01';
  const results = await evaluateProfile(profile, rules, { asOf, evaluator: 'native' });
  return { profile, results, asOf };
}

describe('verdict groups', () => {
  it('an advanced enterprise: the benefit applies; the goal and pointer are informational; the doubtful subsidy stays undetermined', async () => {
    const g = groupResults((await run({ customsCredit: 'advanced', apportionmentDemanded: false })).results);
    expect(g.applies.map((r) => r.ruleId)).toEqual(['test-2024-1/caveated-benefit']);
    expect(g.informational.map((r) => r.ruleId).sort()).toEqual(['test-2024-1/apply-tax-incentives', 'test-2024-1/six-hour-release']);
    expect(g.undetermined.map((r) => r.ruleId)).toEqual(['test-2024-1/garbled-subsidy']);
    // A right whose situation has not arisen is still the enterprise's should it arise.
    expect(g.rights.map((r) => r.ruleId)).toEqual(['test-2024-1/refuse-apportionment']);
    expect(g.doesNotApply).toEqual([]);
    expect(g.besideThePoint).toEqual([]);
  });

  it('a right is listed as a right whether its situation has arisen, may arise or has not', async () => {
    for (const apportionmentDemanded of [true, false, undefined]) {
      const g = groupResults((await run({ customsCredit: 'registered', apportionmentDemanded })).results);
      expect(g.rights.map((r) => r.ruleId)).toEqual(['test-2024-1/refuse-apportionment']);
      expect([...g.applies, ...g.situational, ...g.undetermined].map((r) => r.ruleId)).not.toContain('test-2024-1/refuse-apportionment');
    }
  });

  it('a registered enterprise: the goal and pointer do not concern it, so they are neither informational nor a lost entitlement', async () => {
    const g = groupResults((await run({ customsCredit: 'registered' })).results);
    expect(g.informational).toEqual([]);
    expect(g.doesNotApply.map((r) => r.ruleId)).not.toContain('test-2024-1/six-hour-release');
    expect(g.besideThePoint.map((r) => r.ruleId)).toContain('test-2024-1/six-hour-release');
  });
});

describe('every output shows the groups, caveats and doubts', () => {
  it('check table and Markdown, in English and Chinese: 适用, 待确认, the rights that arise, with one table of words; targets counted', async () => {
    const input = await run({ customsCredit: 'advanced', apportionmentDemanded: true });
    const table = checkTable({ ...input, lang: 'en' });
    expect(table).toContain('Applies: 1 · Undetermined: 1 · Rights you can invoke: 1 · Does not apply: 0');
    const applies = table.slice(table.indexOf('Applies (1)'), table.indexOf('Undetermined (1)'));
    expect(applies).toContain('AEO guarantee exemption');
    expect(applies).toContain('note: unless customs judges there is a supervision risk');
    expect(applies).toContain('handled by: the document names no office');
    expect(applies).not.toContain('Release within 6 hours');
    const undetermined = table.slice(table.indexOf('Undetermined (1)'), table.indexOf('Rights you can invoke (1)'));
    expect(undetermined).toContain('Subsidy on a garbled figure');
    expect(undetermined).toContain('doubtful figure: the figure in the source is doubtful (the seed text is garbled); confirm the real figure');
    const rights = table.slice(table.indexOf('Rights you can invoke (1)'), table.indexOf('Does not apply (0)'));
    expect(rights).toContain('The right to refuse an apportionment');
    expect(rights).toContain('the situation has arisen: it can be invoked now');
    // Targets and pointers are counted, not listed, unless --all.
    expect(table).toContain('2 government target(s) and pointer(s) (for information) (--all lists them)');
    expect(table).not.toContain('Release within 6 hours (a target)');
    expect(checkTable({ ...input, lang: 'en', all: true })).toContain('Release within 6 hours (a target)');

    const zh = checkMarkdown({ ...input, lang: 'zh' });
    expect(zh).toContain('## 您可以主张的权利 (1)');
    expect(zh).toContain('- 2 项政府工作目标与政策指引（仅供参考） （--all 逐项列出）');
    expect(zh).toContain('注意: 海关认为存在监管风险的除外');
    expect(zh).not.toContain('但书');
    expect(zh).toContain('数字存疑：政策原文中的数字不可靠（种子文本乱码）');
  });

  it('check JSON: counts keep rights and information apart from eligible; results carry caveats and a doubtful flag', async () => {
    const json = JSON.parse(checkJson({ ...(await run({ customsCredit: 'advanced', apportionmentDemanded: true })), lang: 'en' }));
    expect(json.counts).toMatchObject({ eligible: 1, rights: 1, informational: 2, undetermined: 1 });
    const byId = (id: string) => json.results.find((r: { ruleId: string }) => r.ruleId === `test-2024-1/${id}`);
    expect(byId('garbled-subsidy')).toMatchObject({ status: 'undetermined', doubtful: true });
    expect(byId('caveated-benefit').caveats).toEqual([{ zh: '海关认为存在监管风险的除外', en: 'unless customs judges there is a supervision risk' }]);
    expect(byId('six-hour-release')).toMatchObject({ status: 'informational', kind: 'goal' });
  });

  it('client report: separate sections, never counted as applying, never valued, caveats and doubt shown', async () => {
    const input = await run({ customsCredit: 'advanced', apportionmentDemanded: true });
    const report = buildClientReport({ ...input, lang: 'en' });
    const md = clientReportMarkdown(report);
    expect(md).toContain('- Applies: 1 · Undetermined: 1 · Rights you can invoke: 1 · Does not apply: 0');
    expect(md).toContain('## Rights you can invoke (1)');
    expect(md).toContain('- _2 government target(s) and pointer(s) (for information)_');
    expect(md).toContain('  - note: unless customs judges there is a supervision risk');
    expect(md).toMatch(/Subsidy on a garbled figure — doubtful figure: the figure in the source is doubtful/);
    const html = clientReportHtml(buildClientReport({ ...input, lang: 'zh' }));
    expect(html).toContain('<section id="rights">');
    expect(html).not.toContain('<section id="informational">');
    expect(html).toContain('<div class="note">注意: 海关认为存在监管风险的除外</div>');
  });
});
