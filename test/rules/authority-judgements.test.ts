// A judgement only the authority makes (主动披露的认定, 情节轻微, 符合监管要求, 合理审查义务…) is a caveat
// saying who decides, never a yes/no the enterprise certifies: the enterprise is asked what happened.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import type { Condition, Rule } from '../../src/rules/schema.ts';

const ruleSet = loadRuleSet();
const { rules } = ruleSet;
const byId = new Map(rules.map((r) => [r.id, r]));

/** Words that name an authority's finding rather than something that happened. */
const findingWords = /符合(海关)?监管要求|满足监管(要求|条件)|情节轻微|社会危害较小|经海关认定|海关认为|合理审查义务|重大过失|内部管理规范|信息化系统完备/;

function factsOf(c: Condition | undefined, out: { fact: string; label?: string }[] = []) {
  if (!c) return out;
  if ('all' in c) c.all.forEach((x) => factsOf(x, out));
  else if ('any' in c) c.any.forEach((x) => factsOf(x, out));
  else if ('not' in c) factsOf(c.not, out);
  else out.push({ fact: c.fact, label: c.label?.zh });
  if (c.label && !('fact' in c)) out.push({ fact: '', label: c.label.zh });
  return out;
}

/** What a rule asks the enterprise: the words of each fact it tests and of each condition's label. */
const asked = (rule: Rule) =>
  factsOf(rule.conditions).flatMap(({ fact, label }) => [label, fact ? ruleSet.catalog.definition(fact)?.zh : undefined].filter((w): w is string => !!w));

// The rules whose decisive judgement is the authority's (issue: authority judgements asked of the enterprise).
const reserved = [
  ...[
    'tax-within-6-months',
    'tax-within-2-years',
    'export-refund-within-6-months',
    'export-refund-within-2-years',
    'processing-unit-consumption',
    'statistics-same-month',
    'statistics-within-3-months',
    'supervision',
    'article-18',
    'inspection-quarantine',
  ].map((s) => `gacc-2023-127/no-penalty-${s}`),
  'gacc-2023-127/late-fee-waiver',
  'gacc-2023-127/credit-record-exclusion',
  'cqnpc-2021-126/minor-violation-no-penalty',
  'cqnpc-2021-126/minor-violation-no-coercion',
  'state-2019-722/minor-violation-no-coercion',
  'cq-2022-35/service-enterprise-dual-penalty-apportionment',
  'gacc-2023-185/in-zone-direct-transfer',
  'cqport-2024-5/cbec-gift-same-parcel-pilot',
  'cq-2023-92/bonded-goods-interconversion',
  'gacc-2023-166/group-processing-trade-lead-enterprise',
];

describe('authority judgements are caveats saying who decides', () => {
  it.each(reserved)('%s carries a caveat naming who decides', (id) => {
    const rule = byId.get(id);
    expect(rule, id).toBeDefined();
    const caveats = rule!.caveats ?? [];
    expect(caveats.length).toBeGreaterThan(0);
    expect(
      caveats.some((c) => /由(海关|执法机关|作出处理的执法机关)[^；。]*(认定|定性|裁量|审核|决定)/.test(c.zh) && /(customs|authority) decides|discretion/.test(c.en)),
      JSON.stringify(caveats),
    ).toBe(true);
  });

  it('no rule of the catalogue asks the enterprise to certify an authority finding', () => {
    const offending = rules.flatMap((r) =>
      asked(r)
        .filter((w) => findingWords.test(w))
        .map((w) => `${r.id}: ${w}`),
    );
    expect(offending).toEqual([]);
  });

  it('the check finds such a question when a rule asks one', () => {
    const rule = byId.get('gacc-2023-185/in-zone-direct-transfer')!;
    const asking: Rule = {
      ...rule,
      conditions: { all: [rule.conditions, { fact: 'inComprehensiveBondedZone', operator: 'equal', value: true, label: { zh: '使用符合海关监管要求的WMS', en: 'x' } }] },
    };
    expect(asked(asking).some((w) => findingWords.test(w))).toBe(true);
  });
});
