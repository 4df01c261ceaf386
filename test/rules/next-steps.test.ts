// What to do next, from the text (issue #18): the office a measure's text names (handledBy) or why it
// names none, how to apply, the application window, and a plan's horizon. Their quotes are checked
// against sources/ like every quote; the check's JSON carries them.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfile } from '../../src/profile/load.ts';
import { evaluateForCheck } from '../../src/report/check.ts';
import { checkReport, horizonNote } from '../../src/report/check-report.ts';
import { defaultSeedsDir, documentCitationProblems, ruleCitationProblems } from '../../src/rules/citations.ts';
import { validateRuleFile } from '../../src/rules/load.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import type { Rule } from '../../src/rules/schema.ts';
import { cq2019Document, fixtureDocument, fixtureEffective, fixtureRuleData } from '../fixtures/rules.ts';
import { tempDir } from '../support/temp.ts';

const rules = loadRuleSet();

const fixture = fixtureRuleData;
const problemsOf = (r: object, document: object = fixtureDocument) => validateRuleFile({ document, effective: fixtureEffective, rules: [r] }, 'rules/x.yaml').problems.join('\n');
const office = { zh: '市商务委', source: { lines: [1, 1], quote: '市商务委' } };

describe('the next-step fields of a rule file', () => {
  it('accepts an office, how to apply, a window and a relation with their quotes', () => {
    expect(
      problemsOf(
        fixture({
          handledBy: [office],
          howToApply: { zh: '书面申请', source: { lines: [2, 2], quote: '书面申请' } },
          applicationWindow: { zh: '自…之日起3个月内', source: { lines: [2, 2], quote: '3个月内' } },
        }),
      ),
    ).toBe('');
  });

  it('refuses both an office and a reason that none is named, naming file and rule', () => {
    expect(problemsOf(fixture({ handledBy: [office], handledByUnstated: { zh: '未写明', en: 'none named' } }))).toMatch(
      /^rules\/x\.yaml: rule test-2024-1\/fixture: handledByUnstated: give handledBy .* not both/,
    );
  });

  it('refuses an office without its quote, and an empty list of offices', () => {
    expect(problemsOf(fixture({ handledBy: [{ zh: '市商务委' }] }))).toMatch(/handledBy\[0\]\.source: is required/);
    expect(problemsOf(fixture({ handledBy: [] }))).toMatch(/handledBy/);
  });

  it('refuses a window with neither dates nor words, and one that ends before it starts', () => {
    expect(problemsOf(fixture({ applicationWindow: { source: { lines: [1, 1], quote: 'x' } } }))).toMatch(/applicationWindow: give from, to/);
    expect(problemsOf(fixture({ applicationWindow: { from: '2024-03-01', to: '2024-01-01', source: { lines: [1, 1], quote: 'x' } } }))).toMatch(
      /applicationWindow\.to: from must not come after to/,
    );
  });

  it('refuses a capped relation without its cap', () => {
    const notCombinedWith = { rules: ['test-2024-1/other'], principle: 'capped', source: { lines: [1, 1], quote: 'x' } };
    expect(problemsOf(fixture({ notCombinedWith }))).toMatch(/notCombinedWith\.cap/);
  });

  it('refuses a horizon that is not a date', () => {
    expect(problemsOf(fixture(), { ...fixtureDocument, horizon: { end: '2025', source: { lines: [1, 1], quote: 'x' } } })).toMatch(/document\.horizon\.end/);
  });
});

describe('the quotes of the next-step fields are compared with sources/', () => {
  const withField = (rule: Rule, extra: Partial<Rule>): Rule => ({ ...rule, ...extra });
  const rule = rules.rules.find((r) => r.source.docNumber === '渝府办发〔2022〕35号')!;

  it('refuses an office the cited lines do not name', () => {
    const bad = withField(rule, { handledBy: [{ zh: '市财政局', source: { lines: [9590, 9590], quote: '责任单位：市财政局' } }] });
    expect(ruleCitationProblems(defaultSeedsDir, bad)).toEqual([
      expect.stringMatching(/handledBy\[0\]\.source\.quote: "责任单位：市财政局" is not in 003_c164598531e4c58d\.txt lines 9590-9590/),
    ]);
  });

  it('refuses a bad quote in howToApply and in applicationWindow', () => {
    const source = { lines: [9590, 9590] as [number, number], quote: '向主管海关书面申请' };
    const bad = withField(rule, { howToApply: { zh: '书面申请', source }, applicationWindow: { zh: '3个月内', source } });
    expect(ruleCitationProblems(defaultSeedsDir, bad).map((p) => p.replace(/^.*?: rule \S+: /, '').split(':')[0])).toEqual([
      'howToApply.source.quote',
      'applicationWindow.source.quote',
    ]);
  });

  it('refuses a horizon whose quote is not in its lines, and accepts 渝府办发〔2022〕35号 "到2025年"', () => {
    expect(documentCitationProblems(defaultSeedsDir, rule)).toEqual([]);
    const bad = withField(rule, { horizon: { end: '2025-12-31', source: { lines: [9571, 9571], quote: '到 2025年' } } });
    expect(documentCitationProblems(defaultSeedsDir, bad)).toEqual([expect.stringMatching(/document\.horizon\.source\.quote: "到2025年" is not in/)]);
  });
});

describe('渝府办发〔2022〕35号 (targets 到2025年, no 有效期): the plan horizon', () => {
  const rule = rules.rules.find((r) => r.source.docNumber === '渝府办发〔2022〕35号')!;

  it('every rule of the document carries the horizon 2025-12-31', () => {
    const ofDocument = rules.rules.filter((r) => r.source.docNumber === '渝府办发〔2022〕35号');
    expect(ofDocument.length).toBeGreaterThan(0);
    for (const r of ofDocument) expect(r.horizon?.end).toBe('2025-12-31');
  });

  it('gives no note on 2025-12-31, the last day of the period', () => expect(horizonNote(rule, '2025-12-31')).toBeUndefined());

  it('notes on 2026-01-01 that the period ended in 2025 and to confirm with the office', () =>
    expect(horizonNote(rule, '2026-01-01')).toEqual({
      zh: '该规划期已于2025年结束，请向责任单位确认措施是否仍在执行',
      en: 'The plan period ended in 2025; confirm with the office responsible that the measure is still carried out',
    }));

  it('names the day when the period does not end with the year', () =>
    expect(horizonNote({ horizon: { end: '2024-06-30', source: { lines: [1, 1], quote: 'x' } } }, '2024-07-01')?.zh).toBe(
      '该规划期已于2024年6月30日结束，请向责任单位确认措施是否仍在执行',
    ));

  it('a rule of a document without a horizon has no note at any date', () => {
    const other = rules.rules.find((r) => r.source.docNumber === '海关总署公告2023年第127号')!;
    expect(other.horizon).toBeUndefined();
    expect(horizonNote(other, '2099-01-01')).toBeUndefined();
  });

  it('the check report carries horizonPassed and the note on 2026-01-01 and not on 2025-06-30', async () => {
    const profile = parseProfile({ ...(parse(readFileSync('samples/aeo-manufacturer-chongqing.yaml', 'utf8')) as object), crossBorderEcommerceEnterprise: true });
    for (const [asOf, passed] of [
      ['2025-06-30', false],
      ['2026-01-01', true],
    ] as const) {
      const checked = await evaluateForCheck(profile, { rules, asOf, explain: 'all' });
      const report = checkReport({ ...checked, lang: 'zh', all: true });
      const results = report.results.filter((r) => r.source.docNumber === '渝府办发〔2022〕35号');
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) {
        expect(r.horizon?.end).toBe('2025-12-31');
        expect(r.horizonPassed === true).toBe(passed);
        expect(r.horizonNote?.zh.startsWith('该规划期已于2025年结束')).toBe(passed || undefined);
      }
    }
  });
});

describe('湖北《促进综合保税区高水平开放高质量发展的若干措施》 (targets 2021年至2023年, no 有效期): the plan horizon', () => {
  const ofDocument = rules.rules.filter((r) => r.source.jurisdiction === 'hubei');

  it('every rule of the document carries the horizon 2023-12-31', () => {
    expect(ofDocument.length).toBeGreaterThan(0);
    for (const r of ofDocument) expect(r.horizon?.end).toBe('2023-12-31');
  });

  it('gives no note on 2023-12-31 and notes on 2024-01-01 that the period ended in 2023', () => {
    for (const r of ofDocument) {
      expect(horizonNote(r, '2023-12-31')).toBeUndefined();
      expect(horizonNote(r, '2024-01-01')?.zh).toBe('该规划期已于2023年结束，请向责任单位确认措施是否仍在执行');
    }
  });
});

describe('huiqi rules validate and the next steps', () => {
  const huiqi = (...args: string[]) => spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8', timeout: 120_000 });
  const ruleFile = (extra: Record<string, unknown>, kind = 'benefit') => ({
    ...cq2019Document,
    rules: [
      {
        ...fixture({ id: 'cq-2019-8/fixture', kind, source: { article: '标题', lines: [1, 4], quote: '重庆市人民政府关于做好促进综合保税区高水平开放高质量发展有关工作的通知' } }),
        ...extra,
      },
    ],
  });
  const validate = (file: object) => {
    const dir = tempDir('next');
    writeFileSync(join(dir, 'fixture.json'), JSON.stringify(file));
    return huiqi('rules', 'validate', dir);
  };

  it('refuses an entitlement with neither handledBy nor handledByUnstated, naming file and rule', () => {
    const run = validate(ruleFile({}));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/fixture\.json: rule cq-2019-8\/fixture: give handledBy .* or handledByUnstated/);
  }, 120_000);

  it('accepts the same rule with the office its text names (渝府〔2019〕8号 附件: 西永综合保税区管委会, a table cell across lines)', () => {
    const handledBy = [{ zh: '西永综合保税区管委会', source: { lines: [219, 227], quote: '西永综合保税区管委会' } }];
    const run = validate(ruleFile({ handledBy }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  it('refuses an office the cited lines do not name (市财政局 is not in the 责任主体 cell)', () => {
    const run = validate(ruleFile({ handledBy: [{ zh: '市财政局', source: { lines: [219, 227], quote: '市财政局' } }] }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fixture.json: rule cq-2019-8/fixture: handledBy[0].source.quote: "市财政局" is not in 000_77bef93430f12e06.txt lines 219-227');
  }, 120_000);

  it('asks nothing of a right (something the enterprise invokes, not claims)', () => {
    expect(validate(ruleFile({}, 'right')).status).toBe(0);
  }, 120_000);
});

describe('huiqi rules show', () => {
  it('prints the office, how to apply and the window with the words they rest on (海关总署公告2024年第32号 第一条)', () => {
    const run = spawnSync(process.execPath, ['bin/huiqi.js', 'rules', 'show', 'gacc-2024-32/advance-ruling-extension'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'handled by: 《预裁定决定书》制发海关\n        「向《预裁定决定书》制发海关提出针对该决定书有效期的展期申请」 (第一条第（一）项, lines 10596-10600)',
    );
    expect(run.stdout).toContain('apply within: 《预裁定决定书》有效期截止日前30日至90日内');
  }, 120_000);
});

describe('huiqi check --format json', () => {
  it('shows the horizon of 渝府办发〔2022〕35号 and its note after 2025', () => {
    const run = spawnSync(process.execPath, ['bin/huiqi.js', 'check', 'samples/aeo-manufacturer-chongqing.yaml', '--format', 'json', '--all', '--as-of', '2026-03-01'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { results: { source: { docNumber: string }; horizon?: { end: string }; horizonPassed?: boolean; horizonNote?: { zh: string } }[] };
    const results = report.results.filter((r) => r.source.docNumber === '渝府办发〔2022〕35号');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.horizon?.end === '2025-12-31' && r.horizonPassed === true && r.horizonNote?.zh.includes('2025年'))).toBe(true);
  }, 120_000);

  it('shows whom to go to, how and by when: 海关总署公告2024年第32号 第一条 (预裁定展期, 截止日前30日至90日内, 向制发海关申请)', () => {
    const run = spawnSync(process.execPath, ['bin/huiqi.js', 'check', 'samples/aeo-manufacturer-chongqing.yaml', '--format', 'json', '--all', '--as-of', '2025-06-30'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    type Shown = {
      ruleId: string;
      handledBy?: { zh: string; source: { quote: string } }[];
      handledByUnstated?: { zh: string };
      howToApply?: { zh: string };
      applicationWindow?: { zh?: string };
    };
    const results = (JSON.parse(run.stdout) as { results: Shown[] }).results;
    const extension = results.find((r) => r.ruleId === 'gacc-2024-32/advance-ruling-extension')!;
    expect(extension.handledBy).toEqual([
      expect.objectContaining({ zh: '《预裁定决定书》制发海关', source: expect.objectContaining({ quote: expect.stringContaining('制发海关提出') }) }),
    ]);
    expect(extension.howToApply?.zh).toContain('展期申请');
    expect(extension.applicationWindow?.zh).toBe('《预裁定决定书》有效期截止日前30日至90日内');
    const unstated = results.find((r) => r.ruleId === 'gacc-2023-166/centralised-domestic-sales-no-filing')!;
    expect(unstated.handledBy).toBeUndefined();
    expect(unstated.handledByUnstated?.zh).toContain('未写明');
  }, 120_000);
});
