// The persona simulation (bench/personas.ts) on the one question sequence: every persona, answering the
// questions POST /api/v1/questions asks one at a time, reaches the measures that apply on all its answers
// and stops; and it does so within the floor (the fewest answers that settle that list) + 4.
import { describe, expect, it } from 'vitest';
import { allAnswers, loadPersonas, simulate, TARGET_SLACK } from '../../bench/personas.ts';
import { buildServer } from '../../src/server/app.ts';
import { questionSequence } from '../../src/ask/sequence.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';

const rules = loadRuleSet();
const asOf = '2025-06-30';
const personas = loadPersonas();
const SLOW = { timeout: 120_000 };

describe('persona simulation', () => {
  it('has the six personas of the issue, each stating name, USCC, province and credit status first', () => {
    expect(personas.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'small-trader-chongqing',
        'aeo-zone-manufacturer',
        'cross-border-ecommerce-exporter',
        'foreign-invested-zone-hubei',
        'exporter-guangdong',
        'logistics-chongqing',
      ]),
    );
    for (const p of personas) {
      expect(Object.keys(p.basics).sort()).toEqual(['customsCredit', 'name', 'province', 'uscc']);
      // Every answer a persona lists is one a profile accepts.
      expect(() => rules.parseProfile({ ...p.basics, ...allAnswers(p, rules) })).not.toThrow();
    }
  });

  it('asks the question the API asks first', async () => {
    const app = await buildServer({ rules, asOf });
    try {
      for (const p of personas.slice(0, 2)) {
        const api = await app.inject({ method: 'POST', url: `/api/v1/questions?asOf=${asOf}&limit=3`, payload: p.basics });
        const { questions } = await questionSequence(rules.parseProfile(p.basics), { rules, asOf });
        expect((api.json() as { questions: { fact: string }[] }).questions.map((q) => q.fact)).toEqual(questions.slice(0, 3).map((q) => q.fact));
      }
    } finally {
      await app.close();
    }
  });

  for (const persona of personas) {
    it(`${persona.id}: stops once what applies is what applies on all its answers`, SLOW, async () => {
      const s = await simulate(persona, { rules, asOf });
      expect(s.reached).toBe(true);
      expect(s.target.length).toBeGreaterThan(0);
      expect(s.floor).toBeLessThanOrEqual(s.answers);
      // No question is answered twice.
      expect(new Set(s.asked.map(([fact]) => fact)).size).toBe(s.asked.length);
    });
    it(`${persona.id}: answers within floor + ${TARGET_SLACK}`, SLOW, async () => {
      const s = await simulate(persona, { rules, asOf });
      expect(s.answers).toBeLessThanOrEqual(s.floor + TARGET_SLACK);
    });
  }
});
