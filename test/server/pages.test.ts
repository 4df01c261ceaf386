// The pages plugin's routes without a browser (fastify inject): each form step, its validation errors, the
// downloads, the upload, the assets and the font files.
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { questionSequence } from '../../src/ask/sequence.ts';
import { builtinCatalog } from '../../src/facts/catalog.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { usccCheckCharacter } from '../../src/profile/uscc.ts';
import { fontSubsets } from '../../src/report/font.ts';
import { validateRuleFile } from '../../src/rules/load.ts';
import { loadRuleSet, RuleSet } from '../../src/ruleset/rule-set.ts';
import { fixtureDocument, fixtureEffective } from '../fixtures/rules.ts';
import { pagesServer } from './pages-support.ts';

const ASOF = '2025-06-30';
let app: FastifyInstance;
beforeAll(async () => {
  app = await pagesServer(loadRuleSet(), ASOF);
}, 60_000);
afterAll(() => app.close());

const basics = { name: '重庆两江智联进出口有限公司', uscc: '91500000MA61LJ7Q2K', province: 'chongqing', customsCredit: 'registered' };
/** A form post; a list value is sent as ticked checkboxes (the name repeated). */
const post = (url: string, form: Record<string, string | string[]>) =>
  app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(Object.entries(form).flatMap(([k, v]) => [v].flat().map((one) => [k, one]))).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
/** The value of a hidden input in a page. */
const hiddenValue = (html: string, name: string) => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
};

function multipart(fields: Record<string, string>, file: { field: string; name: string; content: string }) {
  const boundary = '----huiqi-test';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n${file.content}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('self-check page routes', () => {
  it('GET / is the first step, zh by default and en on ?lang=en, every field labelled', async () => {
    const zh = await app.inject('/');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(zh.body).toContain('<html lang="zh-CN">');
    for (const id of ['f-name', 'f-uscc', 'f-province', 'f-customsCredit', 'f-profile-file']) expect(zh.body).toContain(`<label for="${id}">`);
    expect(zh.body).not.toMatch(/<script>|<style>|style="/); // the CSP allows no inline script or style
    const en = await app.inject('/?lang=en');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Unified social credit code');
  });

  it('step 1 with a wrong check character is answered 422 with the expected character, the values kept', async () => {
    const bad = `${basics.uscc.slice(0, 17)}X`;
    const res = await post('/', { step: 'basics', profile: '{}', skipped: '[]', ...basics, uscc: bad });
    expect(res.statusCode).toBe(422);
    // In the page's language: the expected check character named.
    expect(res.body).toContain(`按 GB 32100-2015 应为“${usccCheckCharacter(basics.uscc.slice(0, 17))}”`);
    expect(res.body).toContain(`value="${bad}"`);
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).not.toContain('id="results"');
  });

  it('step 1 done: results and the first questions of the one sequence, a situation question first; an answer updates the profile', async () => {
    const first = await post('/', { step: 'basics', profile: '{}', skipped: '[]', ...basics });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('id="results"');
    const profile = hiddenValue(first.body, 'profile')!;
    expect(JSON.parse(profile)).toEqual(basics);
    const asked = JSON.parse(hiddenValue(first.body, 'asked')!) as [string | null, string][];
    const { questions } = await questionSequence(parseProfile(basics), { rules: loadRuleSet(), asOf: ASOF });
    expect(asked.map(([, fact]) => fact)).toEqual(questions.slice(0, asked.length).map((q) => q.fact));
    // The situations checklist comes first, as checkboxes: ticking 出口货物 and 进口货物 answers it, the zone left unticked is a no.
    expect(asked[0]![1]).toBe('situations');
    expect(first.body).toContain('<input type="checkbox" name="q0" id="q0-0" value="exports"> 出口货物');
    expect(first.body).toContain('value="none"> 以上都不是');
    const next = await post('/', { step: 'answers', profile, skipped: '[]', asked: JSON.stringify(asked), q0: ['exports', 'imports'] });
    expect(next.statusCode).toBe(200);
    const data = JSON.parse(hiddenValue(next.body, 'profile')!);
    expect(data).toMatchObject({ situations: ['exports', 'imports'] });
    expect(
      await questionSequence(parseProfile(data), { rules: loadRuleSet(), asOf: ASOF }).then(
        ({ results }) => results.find((r) => r.ruleId === 'cq-2019-8/general-taxpayer-pilot')?.status,
      ),
    ).toBe('ineligible');
    // Every other question left empty is skipped, not asked again.
    const skipped = JSON.parse(hiddenValue(next.body, 'skipped')!) as [string | null, string][];
    expect(skipped.length).toBe(asked.length - 1);
    const askedNext = JSON.parse(hiddenValue(next.body, 'asked') ?? '[]') as [string | null, string][];
    expect(askedNext.filter(([i, f]) => skipped.some(([si, sf]) => si === i && sf === f))).toEqual([]);
  });

  it('a zone enterprise is next asked its zone activities as checkboxes in Chinese words, never codes', async () => {
    const first = await post('/', { step: 'basics', profile: '{}', skipped: '[]', ...basics });
    const asked = JSON.parse(hiddenValue(first.body, 'asked')!) as [string | null, string][];
    const next = await post('/', {
      step: 'answers',
      profile: hiddenValue(first.body, 'profile')!,
      skipped: '[]',
      asked: JSON.stringify(asked),
      q0: ['exports', 'comprehensive-bonded-zone'],
    });
    const nextAsked = JSON.parse(hiddenValue(next.body, 'asked')!) as [string | null, string][];
    const at = nextAsked.findIndex(([, fact]) => fact === 'bondedZoneActivities');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(next.body).toContain(`value="global-repair"> 全球维修（保税维修）`);
    expect(next.body).not.toMatch(/> (processing-manufacturing|global-repair|rd-design)</);
  });

  it('an invalid answer is answered 422 with why', async () => {
    const first = await post('/', { step: 'basics', profile: '{}', skipped: '[]', ...basics });
    const asked = JSON.parse(hiddenValue(first.body, 'asked')!) as [string | null, string][];
    const yesNo = asked.findIndex(([, fact]) => builtinCatalog.definition(fact)?.type === 'boolean');
    expect(yesNo).toBeGreaterThanOrEqual(0);
    const res = await post('/', { step: 'answers', profile: hiddenValue(first.body, 'profile')!, skipped: '[]', asked: JSON.stringify(asked), [`q${yesNo}`]: 'perhaps' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('请回答 是 或 否（输入为 &quot;perhaps&quot;）');
  });

  it('the incident form adds a 127号 disclosure and states the result for it', async () => {
    const first = await post('/', { step: 'basics', profile: '{}', skipped: '[]', ...basics });
    const incident = {
      'inc.id': 'TAX-1',
      'inc.category': 'tax',
      'inc.violationDate': '2025-03-31',
      'inc.disclosureDate': '2025-05-10',
      'inc.discoveredByCustoms': 'no',
      'inc.correctedInTime': 'yes',
      'inc.writtenReport': 'yes',
      'inc.harmfulConsequence': 'no',
      'inc.underpaidTax': '42,000',
      'inc.taxPayable': '380000',
      'inc.priorDisclosuresOfSameViolation': 'none',
      'inc.repeatLicensorDisclosure': 'no',
    };
    const res = await post('/', { step: 'incident', profile: hiddenValue(first.body, 'profile')!, skipped: '[]', ...incident });
    expect(res.statusCode).toBe(200);
    const section = res.body.slice(res.body.indexOf('id="incident-result-TAX-1"'));
    // Disclosed 40 days after the violation: item (一) applies, item (二) (after 6 months) does not, and says why.
    expect(section).toMatch(/data-rule="gacc-2023-127\/no-penalty-tax-within-6-months" data-incident="TAX-1" data-status="eligible"/);
    expect(section).toMatch(
      /data-rule="gacc-2023-127\/no-penalty-tax-within-2-years" data-incident="TAX-1" data-status="ineligible" data-group="doesNotApply">[\s\S]*?未满足: [^<]+</,
    );
    // The late-fee waiver is customs' to grant: said beside the result as what customs decides, never asked.
    expect(section).toMatch(/data-rule="gacc-2023-127\/late-fee-waiver" data-incident="TAX-1"[\s\S]*?<div class="caveat">注意: [^<]*由海关认定/);
    // Kept as typed; the profile schema reads "42,000" as 42000.
    expect(parseProfile(JSON.parse(hiddenValue(res.body, 'profile')!)).incidents[0]).toMatchObject({ id: 'TAX-1', underpaidTax: 42000, correctedInTime: true });

    // The category's choices in the words its declaration gives them (the label does not list them).
    expect(first.body).toContain('<option value="tax">涉税违规</option>');
    const late = await post('/', { step: 'incident', profile: hiddenValue(first.body, 'profile')!, skipped: '[]', ...incident, 'inc.disclosureDate': '2025-03-01' });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('早于违规行为发生之日 2025-03-31');
  });

  it("the incident form asks the customs-violation facts the rule files of the server's rules declare, and only theirs", async () => {
    const file = 'test/declared-incident-fact.yaml';
    const { rules, declared, problems } = validateRuleFile(
      {
        document: fixtureDocument,
        effective: fixtureEffective,
        facts: [{ name: 'goodsReturnedVoluntarily', appliesTo: 'customs-violation', type: 'boolean', zh: '已主动退运货物', en: 'the goods were returned voluntarily' }],
        rules: [
          {
            id: 'test-2024-1/returned',
            title: { zh: '测试', en: 'test' },
            kind: 'penalty-exemption',
            source: { article: '第一条', lines: [1, 1], quote: '测试' },
            appliesTo: 'customs-violation',
            conditions: { fact: 'goodsReturnedVoluntarily', operator: 'equal', value: true },
            outcome: { zh: '测试', en: 'test' },
            cases: [
              { name: 'returned', incident: { goodsReturnedVoluntarily: true }, expect: 'eligible' },
              { name: 'kept', incident: { goodsReturnedVoluntarily: false }, expect: 'ineligible' },
            ],
          },
        ],
      },
      file,
    );
    expect(problems).toEqual([]);
    const declaring = await pagesServer(RuleSet.of({ rules, declared }), ASOF);
    try {
      const form = (body: Record<string, string>) =>
        declaring.inject({ method: 'POST', url: '/', payload: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const first = await form({ step: 'basics', profile: '{}', skipped: '[]', ...basics });
      expect(first.body).toMatch(/<fieldset class="field" id="f-inc\.goodsReturnedVoluntarily"><legend>已主动退运货物<\/legend>/);
      const res = await form({ step: 'incident', profile: hiddenValue(first.body, 'profile')!, skipped: '[]', 'inc.id': 'R-1', 'inc.goodsReturnedVoluntarily': 'yes' });
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(hiddenValue(res.body, 'profile')!).incidents).toEqual([{ id: 'R-1', kind: 'customs-violation', goodsReturnedVoluntarily: true }]);
      expect(res.body).toMatch(/data-rule="test-2024-1\/returned" data-incident="R-1" data-status="eligible"/);
    } finally {
      await declaring.close();
    }
    // The bundled rules declare no such fact: their form does not ask it.
    const bundled = await post('/', { step: 'basics', profile: '{}', skipped: '[]', ...basics });
    expect(bundled.body).toContain('f-inc.correctedInTime');
    expect(bundled.body).not.toContain('goodsReturnedVoluntarily');
  });

  it('a tampered hidden field is a 400 page, not a stack trace', async () => {
    const res = await post('/', { step: 'answers', profile: '{not json', skipped: '[]' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('页面数据无效');
    expect(res.body).not.toMatch(/at \w+ \(|node_modules/);
    expect((await post('/', { step: 'answers', profile: '{}', skipped: '[]', asked: '[[null,"noSuchFact"]]' })).statusCode).toBe(400);
  });

  it('downloads the profile as YAML and JSON (loadable as a profile) and the report as HTML and Markdown', async () => {
    const profile = JSON.stringify({ ...basics, enterpriseSize: 'medium' });
    const yaml = await post('/download/profile', { profile, format: 'yaml' });
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers['content-disposition']).toMatch(/^attachment; filename=".*\.yaml"; filename\*=UTF-8''/);
    expect(parseProfile(parseYaml(yaml.body))).toMatchObject({ ...basics, enterpriseSize: 'medium' });
    const json = await post('/download/profile', { profile, format: 'json' });
    expect(parseProfile(JSON.parse(json.body)).uscc).toBe(basics.uscc);

    const html = await post('/download/report', { profile, format: 'html', lang: 'en' });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<section id="gap">');
    expect(html.body).toContain('@font-face');
    const md = await post('/download/report', { profile, format: 'markdown', lang: 'zh' });
    expect(md.body).toMatch(/^# 惠企政策适用报告: 重庆两江智联进出口有限公司/);
    expect((await post('/download/report', { profile: JSON.stringify({ name: 'x' }), format: 'html' })).statusCode).toBe(400);
  });

  it('an uploaded profile continues the self-check; a bad one is named with its field', async () => {
    const sample = readFileSync('samples/registered-exporter-planning-disclosure.yaml', 'utf8');
    const ok = await app.inject({ method: 'POST', url: '/upload', ...multipart({ lang: 'en' }, { field: 'profile', name: 'p.yaml', content: sample }) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('<html lang="en">');
    expect(ok.body).toContain('id="incident-result-TAX-2025-03"');
    const bad = await app.inject({ method: 'POST', url: '/upload', ...multipart({}, { field: 'profile', name: 'p.yaml', content: 'name: x\nuscc: 123\n' }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('p.yaml：企业信息有误');
    expect(bad.body).toContain('uscc');
    const notYaml = await app.inject({ method: 'POST', url: '/upload', ...multipart({}, { field: 'profile', name: 'p.json', content: '{"name": ' }) });
    expect(notYaml.statusCode).toBe(422);
    expect(notYaml.body).toContain('p.json: not valid JSON');
  });
});

describe('assets', () => {
  it('serves the stylesheet with the Noto Sans SC faces and a print stylesheet', async () => {
    const res = await app.inject('/assets/app.css');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.body.match(/@font-face{/g)).toHaveLength(fontSubsets().length);
    expect(res.body).toContain('@media print');
  });

  it('serves the font subsets from the package and nothing else under /assets/fonts/', async () => {
    const file = fontSubsets()[0]!.file;
    const res = await app.inject(`/assets/fonts/${file}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('font/woff2');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
    for (const path of ['/assets/fonts/..%2F400.css', '/assets/fonts/LICENSE', '/assets/nope.js']) expect((await app.inject(path)).statusCode, path).toBe(404);
  });

  it('serves the self-check script as the build wrote it (one module, the USCC check bundled in, nothing imported)', async () => {
    const script = await app.inject('/assets/self-check.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe(readFileSync('dist/assets/self-check.js', 'utf8'));
    expect(script.body).not.toMatch(/^\s*(import|export)\b/m);
    expect(script.body).toContain('function usccCheckCharacter(first17)');
    expect((await app.inject('/assets/screen.js')).statusCode).toBe(200);
    expect((await app.inject('/assets/uscc.js')).statusCode).toBe(404);
  });

  it('GET /screen is the batch form posting the list to the API', async () => {
    const res = await app.inject('/screen');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('action="/api/v1/screen" enctype="multipart/form-data"');
    expect(res.body).toContain('<label for="f-list">');
  });
});
