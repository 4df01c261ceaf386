// The client report over the samples and the real catalog (properties, not counts), and on fixture rules
// (exact ranking). Markdown and HTML carry the same sections in both languages.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.ts';
import { buildClientReport, clientReportMarkdown, reportWords, resultTitle } from '../../src/report/client-report.ts';
import { clientReportHtml, escapeHtml } from '../../src/report/html.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { profile, resultsFor } from '../fixtures/gap/fixtures.ts';

const ruleSet = loadRuleSet();
/** Every sample profile, including those added later. */
const SAMPLES = readdirSync('samples')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .map((f) => `samples/${f}`);

async function reportFor(file: string, lang: 'zh' | 'en', asOf = '2025-06-01') {
  const p = loadProfile(file);
  const results = await ruleSet.evaluator.evaluateProfile(p, { asOf, evaluator: 'native' });
  return buildClientReport({ profile: p, results, asOf, lang, catalog: ruleSet.catalog });
}

describe.each(SAMPLES)('client report for %s', (file) => {
  it.each(['zh', 'en'] as const)('in %s: lists every applicable measure with its source and quote, and at least one ranked "what it would take" item', async (lang) => {
    const report = await reportFor(file, lang);
    const md = clientReportMarkdown(report);
    const html = clientReportHtml(report);
    const w = reportWords[lang];
    for (const heading of [w.applies, w.undetermined, w.gap, w.deadlines, w.sources]) expect(md).toContain(`## ${heading}`);
    for (const r of report.groups.applies) {
      expect(md).toContain(r.ruleId);
      expect(md).toContain(`「${r.rule.source.quote}」`);
      expect(html).toContain(escapeHtml(r.rule.source.quote));
      expect(report.sources.some((s) => s.document.docNumber === r.rule.source.docNumber && s.rules.some((x) => x.id === r.ruleId))).toBe(true);
    }
    expect(report.actions.length + report.confirmations.length).toBeGreaterThan(0);
    const gap = md.slice(md.indexOf(`## ${w.gap}`), md.indexOf(`## ${w.deadlines}`));
    expect(gap).toMatch(/^1\. \*\*/m);
  });
});

describe('client report rankings', () => {
  it('the AEO-less sample is told that AEO advanced certification comes first, with how many measures it unlocks', async () => {
    const report = await reportFor('samples/registered-exporter-planning-disclosure.yaml', 'en');
    const md = clientReportMarkdown(report);
    expect(md).toMatch(/^1\. \*\*obtain AEO advanced certification \(高级认证企业\)\*\* — unlocks \d+ measure\(s\)/m);
    expect(report.actions[0]!.unlocks.length).toBeGreaterThan(1);
    expect(md).toContain('disclose by 2025-09-30 to stay within 6 months of the violation (incident TAX-2025-03)');
  });

  it('the dishonest sample is never told to become advanced', async () => {
    const report = await reportFor('samples/dishonest-trader.json', 'en');
    expect(clientReportMarkdown(report)).not.toContain('obtain AEO advanced certification');
  });

  it('ranks by measures then money on fixture rules, in Chinese too', async () => {
    const p = profile({ customsCredit: 'registered', province: 'chongqing', technologyEnterprise: false });
    const results = await resultsFor(p, '2024-06-01');
    const md = clientReportMarkdown(buildClientReport({ profile: p, results, asOf: '2024-06-01', lang: 'zh' }));
    expect(md).toMatch(/^1\. \*\*取得海关高级认证（成为高级认证企业）\*\* — 可解锁 3 项措施，其中包括一次性奖励（¥50,000–¥200,000）/m);
  });
});

describe('what the client reads (issue #10)', () => {
  it.each(['zh', 'en'] as const)('in %s: the summary and the deadlines section give deadlines only of measures that apply or are undetermined, each naming them', async (lang) => {
    const report = await reportFor('samples/registered-exporter-planning-disclosure.yaml', lang);
    const md = clientReportMarkdown(report);
    const w = reportWords[lang];
    const summary = md.slice(md.indexOf(`## ${w.summary}`), md.indexOf(`## ${w.applies}`));
    expect(report.keyDeadlines.length).toBeGreaterThan(0);
    expect(report.keyDeadlines.length).toBeLessThan(report.deadlines.length);
    const deadlines = md.slice(md.indexOf(`## ${w.deadlines}`), md.indexOf(`## ${w.sources}`));
    for (const d of report.deadlines) {
      const concernsClient = d.lost.some((r) => report.groups.applies.includes(r) || report.groups.undetermined.includes(r));
      expect(summary.includes(d.lastDay), `${d.lastDay} ${d.purpose.en}`).toBe(concernsClient);
      if (!concernsClient) expect(deadlines, `${d.lastDay} ${d.purpose.en}`).not.toContain(d.lastDay);
    }
    for (const d of report.keyDeadlines) {
      for (const r of d.lost) expect(report.groups.applies.includes(r) || report.groups.undetermined.includes(r)).toBe(true);
      for (const r of d.lost) expect(deadlines).toContain(resultTitle(r, lang));
    }
  });

  it.each(SAMPLES.flatMap((f) => (['zh', 'en'] as const).map((lang) => [f, lang] as const)))('%s in %s: rule and fact ids stand only in the appendices', async (file, lang) => {
    const report = await reportFor(file, lang);
    const w = reportWords[lang];
    for (const text of [clientReportMarkdown(report), clientReportHtml(report)]) {
      const body = text.slice(0, text.indexOf(w.sources));
      for (const s of report.sources) for (const r of s.rules) expect(body).not.toContain(r.id);
      // A fact id that is a plain English word (situations) may stand in English prose; in Chinese, or camelCase, it may not.
      for (const q of report.groups.questions) if (lang === 'zh' || /[A-Z]/.test(q.fact)) expect(body).not.toMatch(new RegExp(`\\b${q.fact}\\b`));
      const appendix = text.slice(text.indexOf(w.sources));
      for (const q of report.groups.questions.slice(0, 15)) expect(appendix).toContain(q.fact);
    }
  });
});

describe('HTML', () => {
  it('escapes every piece of text from profiles and rules', async () => {
    const p = profile({ customsCredit: 'registered' });
    const results = await resultsFor(p, '2024-06-01');
    const html = clientReportHtml(buildClientReport({ profile: { ...p, name: '<script>alert("x")</script> & Co' }, results, asOf: '2024-06-01', lang: 'en' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });

  it('is one self-contained file: inline CSS with print styles, no external resources', async () => {
    const html = clientReportHtml(await reportFor('samples/aeo-manufacturer-chongqing.yaml', 'zh'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<(link|script|img)\b|src=|href="http/);
  });
});
