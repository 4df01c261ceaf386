// A Markdown report never carries raw HTML from profile text: a name or incident id written as a tag
// would run in whatever renders the Markdown (the HTML report escapes everything already).
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.ts';
import { checkMarkdown } from '../../src/report/check-report.ts';
import { buildClientReport, clientReportMarkdown } from '../../src/report/client-report.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';

describe('Markdown reports escape HTML in profile text', () => {
  it('writes <script> and <img onerror> from the name and an incident id as text', async () => {
    const sample = loadProfile('samples/incomplete-profile.yaml');
    const profile = {
      ...sample,
      name: '<script>alert(1)</script>有限公司',
      incidents: sample.incidents!.map((i) => ({ ...i, id: '<img src=x onerror=alert(1)>' })),
    };
    const asOf = '2025-01-01';
    const ruleSet = loadRuleSet();
    const results = await ruleSet.evaluator.evaluateProfile(profile, { asOf, evaluator: 'native' });
    for (const md of [
      checkMarkdown({ profile, results, asOf, lang: 'en', all: true, catalog: ruleSet.catalog }),
      clientReportMarkdown(buildClientReport({ profile, results, asOf, lang: 'zh', catalog: ruleSet.catalog })),
    ]) {
      expect(md).toContain('&lt;script>alert(1)&lt;/script>有限公司');
      expect(md).not.toMatch(/<script|<img/i);
    }
    expect(checkMarkdown({ profile, results, asOf, lang: 'en', all: true })).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
