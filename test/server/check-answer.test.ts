// POST /api/v1/check writes its answer from per-rule bytes made once (src/server/check-answer.ts): the
// bytes must be exactly those of JSON.stringify of the report object, for every sample, listed or --all,
// at dates where different rules are in force, and for names JSON must escape. One process runs them
// all, so most results are written from bytes a rule kept from an earlier answer.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStructuredFile } from '../../src/io/read.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { evaluateForCheck } from '../../src/report/check.ts';
import { checkReport } from '../../src/report/check-report.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { answerBytesOf, checkAnswer } from '../../src/server/check-answer.ts';

const rules = loadRuleSet();
const samples = readdirSync('samples').filter((f) => /\.(ya?ml|json)$/.test(f));

async function expectSameBytes(profile: ReturnType<typeof parseProfile>, asOf: string, all: boolean) {
  const checked = await evaluateForCheck(profile, { rules, asOf, explain: all ? 'all' : 'listed' });
  const expected = JSON.stringify(checkReport({ ...checked, lang: 'zh', all }));
  const answer = answerBytesOf(checkAnswer({ ...checked, lang: 'zh', all }, rules));
  // Compared as text first for a readable difference, then byte for byte.
  expect(answer.toString('utf8')).toBe(expected);
  expect(answer.equals(Buffer.from(expected))).toBe(true);
  return JSON.parse(expected) as { results: { incidentId?: string; doubtful?: boolean; caveats?: unknown; notes?: unknown }[] };
}

describe('the answer of POST /api/v1/check written from per-rule bytes', () => {
  it.each(samples)('is JSON.stringify of the check report for %s, listed and --all, at three dates', async (file) => {
    const profile = parseProfile(readStructuredFile(`samples/${file}`));
    for (const asOf of ['2019-06-30', '2025-06-30', '2030-01-01']) {
      for (const all of [false, true]) await expectSameBytes(profile, asOf, all);
    }
  });

  it('covers results with an incident, a doubtful figure, caveats and notes (the optional members)', async () => {
    const seen = { incidentId: false, doubtful: false, caveats: false, notes: false };
    for (const file of samples) {
      const { results } = await expectSameBytes(parseProfile(readStructuredFile(`samples/${file}`)), '2025-06-30', true);
      for (const r of results) {
        seen.incidentId ||= r.incidentId !== undefined;
        seen.doubtful ||= r.doubtful === true;
        seen.caveats ||= r.caveats !== undefined;
        seen.notes ||= r.notes !== undefined;
      }
    }
    expect(seen).toEqual({ incidentId: true, doubtful: true, caveats: true, notes: true });
  });

  it('escapes what the profile brings as JSON.stringify does (quotes, controls, markup, astral and lone surrogates)', async () => {
    const aeo = readStructuredFile('samples/aeo-manufacturer-chongqing.yaml') as Record<string, unknown>;
    for (const name of ['"引号" \\ back\\slash', 'line\nbreak\ttab\u0001', '<script>alert(1)</script>', '企业 😀 𠮷', 'lone \ud800 surrogate']) {
      await expectSameBytes(parseProfile({ ...aeo, name }), '2025-06-30', false);
    }
  });

  it('is exact for an answer far longer than the last one, from the rule bytes the last one kept', async () => {
    // Longer than any name a profile may have (1,000 characters), so set after validation.
    const profile = parseProfile(readStructuredFile('samples/aeo-manufacturer-chongqing.yaml'));
    const checked = await evaluateForCheck(profile, { rules, asOf: '2025-06-30', explain: 'listed' });
    checkAnswer({ ...checked, lang: 'zh', all: false }, rules); // the rules keep this answer's results
    const long = { ...checked, profile: { ...profile, name: '长'.repeat(100_000) }, lang: 'zh' as const, all: false };
    const answer = answerBytesOf(checkAnswer(long, rules));
    expect(answer.length).toBeGreaterThan(300_000);
    expect(answer.toString()).toBe(JSON.stringify(checkReport(long)));
  });

  it("writes a plan horizon's note after its end and not before, for the same rules one after the other (渝府办发〔2022〕35号, 到2025年)", async () => {
    const profile = parseProfile(readStructuredFile('samples/aeo-manufacturer-chongqing.yaml'));
    const passed = async (asOf: string) =>
      (await expectSameBytes(profile, asOf, true)).results.filter((r) => {
        const result = r as { horizonPassed?: boolean; source: { docNumber: string } };
        return result.horizonPassed && result.source.docNumber === '渝府办发〔2022〕35号';
      }).length;
    expect(await passed('2025-12-31')).toBe(0);
    expect(await passed('2026-01-01')).toBeGreaterThan(0);
    expect(await passed('2025-12-31')).toBe(0);
  });

  it('is an empty list when no result is listed', async () => {
    const profile = parseProfile(readStructuredFile('samples/aeo-manufacturer-chongqing.yaml'));
    const answer = answerBytesOf(checkAnswer({ profile, results: [], asOf: '2025-06-30', lang: 'zh', all: false }, rules));
    expect(answer.toString()).toBe(JSON.stringify(checkReport({ profile, results: [], asOf: '2025-06-30', lang: 'zh', all: false })));
    expect(JSON.parse(answer.toString()).results).toEqual([]);
  });
});
