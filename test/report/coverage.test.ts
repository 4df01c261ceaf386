// Coverage said beside every result: the jurisdictions whose local documents are in the rule set (the
// folders of the rules read), a profile in another province told only national measures were checked, and
// a gentle note when the USCC's registration-authority code (GB 32100-2015 characters 3–4, GB/T 2260)
// names another province than the one given.
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../src/profile/load.ts';
import { usccCheckCharacter } from '../../src/profile/uscc.ts';
import { checkMarkdown, checkTable } from '../../src/report/check-report.ts';
import { buildClientReport, enterpriseDetails } from '../../src/report/client-report.ts';
import { coverageLines, coverageOf, usccProvince } from '../../src/report/coverage.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';

const rules = loadRuleSet();
const asOf = '2025-06-30';
const uscc = (region: string) => `91${region}MA5GQ5005`.slice(0, 17).padEnd(17, '0');
const code = (region: string) => uscc(region) + usccCheckCharacter(uscc(region));
const run = async (facts: Record<string, unknown>) => {
  const profile = parseProfile({ name: '测试企业', ...facts });
  return { profile, results: await rules.evaluator.evaluateProfile(profile, { asOf, evaluator: 'native' }) };
};

describe('coverage', () => {
  it('names the jurisdictions with local documents among the rules read', async () => {
    const { profile, results } = await run({ uscc: code('500103'), province: 'chongqing' });
    expect(coverageOf(profile, results)).toEqual({ local: ['chongqing', 'hubei', 'jiangsu'], province: 'chongqing', covered: true });
    expect(coverageLines(coverageOf(profile, results), 'zh')).toEqual(['核查范围：全国性文件，以及重庆、湖北、江苏的地方文件。']);
  });

  it('tells a Guangdong enterprise that only national measures were checked', async () => {
    const { profile, results } = await run({ uscc: code('440300'), province: 'guangdong' });
    const zh = coverageLines(coverageOf(profile, results), 'zh');
    expect(zh).toContain('广东的地方文件不在规则集中：只核查了全国性措施，当地的政策请另行了解。');
    expect(coverageLines(coverageOf(profile, results), 'en').join(' ')).toContain('only national measures were checked');
    // check (text and Markdown) and the client report say it.
    expect(checkTable({ profile, results, asOf, lang: 'zh' })).toContain('只核查了全国性措施');
    expect(checkMarkdown({ profile, results, asOf, lang: 'en' })).toContain('> No local documents of Guangdong are in the rule set');
    const report = buildClientReport({ profile, results, asOf, lang: 'zh' });
    expect(enterpriseDetails(report).find(([k]) => k === '核查范围')?.[1]).toContain('只核查了全国性措施');
  });

  it('notes gently a USCC registered in another province than the one given, and nothing when they agree', async () => {
    expect(usccProvince(code('440300'))).toBe('guangdong');
    expect(usccProvince(code('500000'))).toBe('chongqing');
    expect(usccProvince('91100000100000000X')).toBeUndefined(); // a national registration authority names no province
    const elsewhere = await run({ uscc: code('440300'), province: 'chongqing' });
    const lines = coverageLines(coverageOf(elsewhere.profile, elsewhere.results), 'zh');
    expect(lines.at(-1)).toBe('请留意：统一社会信用代码显示登记机关在广东，所填省份为重庆。如企业已迁址或在异地登记，可以不用理会；否则请核对所在省份。');
    const agreeing = await run({ uscc: code('500103'), province: 'chongqing' });
    expect(coverageOf(agreeing.profile, agreeing.results).usccElsewhere).toBeUndefined();
    // No province given: nothing to compare, and the covered places are still said.
    const unknown = await run({ uscc: code('440300') });
    expect(coverageLines(coverageOf(unknown.profile, unknown.results), 'zh')).toEqual(['核查范围：全国性文件，以及重庆、湖北、江苏的地方文件。']);
  });

  it('the self-check page says it under the result', async () => {
    const app = await buildServer({ rules, asOf });
    try {
      const form = {
        step: 'basics',
        profile: '{}',
        skipped: '[]',
        lang: 'zh',
        name: '深圳南山电子出口有限公司',
        uscc: code('440300'),
        province: 'guangdong',
        customsCredit: 'registered',
      };
      const res = await app.inject({ method: 'POST', url: '/', payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<p class="coverage note">广东的地方文件不在规则集中：只核查了全国性措施，当地的政策请另行了解。</p>');
    } finally {
      await app.close();
    }
  }, 60_000);
});
