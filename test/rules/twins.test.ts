// The same words get the same kind in every file. Two rules are twins when they quote the same sentence
// (the shorter quote's character pairs stand, for the most part, in the longer one, punctuation, figures and
// article numbers aside) in different files, or when their quotes share a key phrase listed below (in any
// file). Twins of different kinds must say why in `notes`: one of them names the other by id.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.ts';
import type { Rule } from '../../src/rules/schema.ts';

type TwinRule = Pick<Rule, 'id' | 'kind' | 'notes'> & { source: Pick<Rule['source'], 'quote' | 'file'> };

/** The words of a quote: no punctuation, spaces, figures, Latin letters or article numbers. */
const words = (quote: string) => quote.replace(/第[一二三四五六七八九十百零]+条/g, '').replace(/[\s\p{P}\p{S}\p{N}a-zA-Z]/gu, '');

function pairs(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** The share of the shorter quote's character pairs found in the other quote (1 = the same sentence). */
function overlap(a: string, b: string): number {
  const [x, y] = [pairs(words(a)), pairs(words(b))];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (!small.size) return 0;
  let shared = 0;
  for (const p of small) if (large.has(p)) shared++;
  return shared / small.size;
}

const SAME_SENTENCE = 0.5;

/** Sentence classes by a key phrase: the same wording whatever else the sentence says. */
const phraseClasses: { name: string; test: (quote: string) => boolean }[] = [
  // A reward whose amount the text does not give: an entitlement only where the text states its condition.
  { name: '给予/予以…奖励 (no amount)', test: (q) => /(给予|予以)[^。；，]{0,4}奖励/.test(q) && !/\p{N}/u.test(q) },
  { name: '轧差结算', test: (q) => q.includes('轧差结算') },
  { name: '市场准入负面清单以外的领域', test: (q) => q.includes('市场准入负面清单以外的领域') },
];

const names = (a: TwinRule, b: TwinRule) => [a.notes?.zh, a.notes?.en].some((n) => n?.includes(b.id));
const explained = (a: TwinRule, b: TwinRule) => names(a, b) || names(b, a);

/** Twins of different kinds whose notes do not explain the difference, as "id (kind) ~ id (kind): why twins". */
function disagreeingTwins(rules: readonly TwinRule[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [a, b] = [rules[i]!, rules[j]!];
      if (a.kind === b.kind || explained(a, b)) continue;
      const why = [
        ...(a.source.file !== b.source.file && overlap(a.source.quote, b.source.quote) >= SAME_SENTENCE ? ['same sentence'] : []),
        ...phraseClasses.filter((c) => c.test(a.source.quote) && c.test(b.source.quote)).map((c) => c.name),
      ];
      if (why.length) found.push(`${a.id} (${a.kind}) ~ ${b.id} (${b.kind}): ${why.join(', ')}`);
    }
  }
  return found;
}

describe('one kind for one wording', () => {
  const rules = loadRules();

  it('twins across the catalogue agree on their kind, or say why not in notes', () => {
    expect(disagreeingTwins(rules)).toEqual([]);
  });

  it('finds the known twins (the detector sees them)', () => {
    const find = (id: string) => rules.find((r) => r.id === id)!;
    expect(
      overlap(find('state-2019-722/market-access-outside-negative-list').source.quote, find('cqnpc-2021-126/market-access-outside-negative-list').source.quote),
    ).toBeGreaterThan(SAME_SENTENCE);
    expect(overlap(find('cq-2022-35/overseas-fee-netting').source.quote, find('mofcom-2024-125/net-settlement-of-overseas-costs').source.quote)).toBeGreaterThan(SAME_SENTENCE);
    // Unrelated sentences are no twins.
    expect(overlap(find('state-2019-722/market-access-outside-negative-list').source.quote, find('gacc-2023-127/late-fee-waiver').source.quote)).toBeLessThan(SAME_SENTENCE);
  });

  it('fails on a twin of another kind without a note, and accepts one whose note names its twin', () => {
    const original = rules.find((r) => r.id === 'state-2019-722/market-access-outside-negative-list')!;
    const twin = rules.find((r) => r.id === 'cqnpc-2021-126/market-access-outside-negative-list')!;
    const changed: TwinRule = { ...twin, kind: 'facilitation', notes: undefined };
    expect(disagreeingTwins([original, changed])).toEqual([
      'state-2019-722/market-access-outside-negative-list (right) ~ cqnpc-2021-126/market-access-outside-negative-list (facilitation): same sentence, 市场准入负面清单以外的领域',
    ]);
    const noted: TwinRule = { ...changed, notes: { zh: `与 ${original.id} 不同，因为…`, en: 'x' } };
    expect(disagreeingTwins([original, noted])).toEqual([]);
  });

  it('a key phrase makes twins within one file too: a reward with no amount', () => {
    const reward = rules.find((r) => r.id === 'cq-2023-92/digital-commerce-demo-enterprise-reward')!;
    const hedging = rules.find((r) => r.id === 'cq-2023-92/fx-hedging-reward')!;
    expect(disagreeingTwins([reward, hedging])).toEqual([]);
    expect(disagreeingTwins([{ ...reward, notes: undefined }, hedging])).toEqual([
      'cq-2023-92/digital-commerce-demo-enterprise-reward (subsidy) ~ cq-2023-92/fx-hedging-reward (pointer): 给予/予以…奖励 (no amount)',
    ]);
  });
});
