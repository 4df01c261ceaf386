// A policy is one rule file (issue #8 §4): a new document declares the plain facts it introduces and the
// scope its rules inherit, with no TypeScript change. The fixture test/fixtures/rules-declaring-facts is
// a made-up Zhejiang document (zhejiang/zjcom-2025-12-digital-trade.yaml); `check`, `screen --columns`,
// list screening, the fact catalog, the API's /facts and the questions all see its facts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runAllCases, uncoveredConditions } from '../../src/cases/cases.ts';
import { check, screen } from '../../src/index.ts';
import { loadRules } from '../../src/rules/load.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { fixtureDocument, fixtureEffective } from '../fixtures/rules.ts';
import { tempDir } from '../support/temp.ts';

const FIXTURE = 'test/fixtures/rules-declaring-facts';
const FILE = `${FIXTURE}/zhejiang/zjcom-2025-12-digital-trade.yaml`;
const USCC = '91330000MA5U00000U';
const AS_OF = '2025-06-30';

function huiqi(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const ruleSet = loadRuleSet(FIXTURE);
const { rules, catalog } = ruleSet;

describe('a rule file that declares its own facts and scope', () => {
  it('loads, and its cases pass under both evaluators', async () => {
    expect(rules.map((r) => r.id)).toEqual(['zjcom-2025-12/key-enterprise-export-reward', 'zjcom-2025-12/platform-fast-filing']);
    for (const evaluator of ['reference', 'native'] as const) {
      const outcomes = await runAllCases(rules, evaluator, catalog);
      expect(
        outcomes.filter((o) => !o.passed).map((o) => `${o.rule.id}: ${o.problem}`),
        evaluator,
      ).toEqual([]);
      for (const rule of rules)
        expect(
          uncoveredConditions(
            outcomes.filter((o) => o.rule === rule),
            catalog,
          ),
          rule.id,
        ).toEqual([]);
    }
  });

  it('gives every rule the document scope as the first part of its trigger', () => {
    for (const rule of rules) {
      expect(rule.trigger).toMatchObject({ fact: 'province', operator: 'equal', value: 'zhejiang' });
      expect(rule.source).not.toHaveProperty('scope');
    }
  });

  it('puts its facts in the catalog, with their type, values and words, and the file that declares them', () => {
    expect(catalog.definition('digitalTradeSegment')).toMatchObject({
      scope: 'enterprise',
      type: 'enum',
      values: ['digital-services', 'digital-content', 'cross-border-platform'],
      valueWords: { 'cross-border-platform': { zh: '跨境电商平台', en: 'cross-border e-commerce platform' } },
      declaredIn: FILE,
      derived: false,
    });
    expect(catalog.definition('digitalServiceExports')).toMatchObject({ type: 'number', zh: '上一年度数字服务出口额（元）' });
    expect(catalog.definition('zhejiangKeyDigitalTradeEnterprise')?.change?.actions?.true?.en).toBe('apply to be recognised as a Zhejiang key digital-trade enterprise');
    expect(catalog.all.filter((f) => f.declaredIn === FILE).map((f) => f.name)).toEqual(['zhejiangKeyDigitalTradeEnterprise', 'digitalTradeSegment', 'digitalServiceExports']);
  });

  it('lets a profile state them, read as built-in facts of their type are (¥ and 万 for yuan), and refuses a bad value by name', () => {
    expect(ruleSet.parseProfile({ name: 'A', uscc: USCC, digitalServiceExports: '¥1.2万', digitalTradeSegment: 'digital-content' })).toMatchObject({
      digitalServiceExports: 12000,
      digitalTradeSegment: 'digital-content',
    });
    expect(() => ruleSet.parseProfile({ name: 'A', uscc: USCC, digitalTradeSegment: 'games' })).toThrow(
      /digitalTradeSegment: must be one of: digital-services \(数字服务\), digital-content \(数字内容\), cross-border-platform \(跨境电商平台\) \(got "games"\)/,
    );
  });

  it('is checked, and its facts asked for as questions', async () => {
    const report = await check({ name: '浙江甲公司', uscc: USCC, province: '浙江', digitalServiceExports: '1500万' }, { rules: ruleSet, asOf: AS_OF });
    const statusOf = (id: string) => report.results.find((r) => r.ruleId === id)?.status;
    expect(statusOf('zjcom-2025-12/key-enterprise-export-reward')).toBe('undetermined');
    expect(report.questions.map((q) => q.fact)).toContain('zhejiangKeyDigitalTradeEnterprise');
    const outside = await check(
      { name: '江苏甲公司', uscc: USCC, province: 'jiangsu', zhejiangKeyDigitalTradeEnterprise: true, digitalServiceExports: 20_000_000 },
      { rules: ruleSet, asOf: AS_OF, all: true },
    );
    expect(outside.results.find((r) => r.ruleId === 'zjcom-2025-12/key-enterprise-export-reward')?.status).toBe('ineligible');
  });

  it('huiqi check --rules reads a profile stating the declared facts', () => {
    const dir = tempDir('declared');
    const profile = join(dir, 'p.yaml');
    writeFileSync(
      profile,
      stringify({
        name: '浙江甲公司',
        uscc: USCC,
        province: 'zhejiang',
        zhejiangKeyDigitalTradeEnterprise: true,
        digitalServiceExports: '1000万',
        digitalTradeSegment: 'cross-border-platform',
      }),
    );
    const { code, stdout, stderr } = huiqi('check', profile, '--rules', FIXTURE, '--as-of', AS_OF, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const statuses = Object.fromEntries(JSON.parse(stdout).results.map((r: { ruleId: string; status: string }) => [r.ruleId, r.status]));
    expect(statuses).toEqual({ 'zjcom-2025-12/key-enterprise-export-reward': 'eligible', 'zjcom-2025-12/platform-fast-filing': 'eligible' });
  });

  it('huiqi report advises the change a declared fact allows, in its declared words', () => {
    const dir = tempDir('declared');
    const profile = join(dir, 'p.yaml');
    writeFileSync(profile, stringify({ name: '浙江甲公司', uscc: USCC, province: 'zhejiang', zhejiangKeyDigitalTradeEnterprise: false, digitalServiceExports: 15_000_000 }));
    const { code, stdout } = huiqi('report', profile, '--rules', FIXTURE, '--as-of', AS_OF, '--lang', 'en', '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toContain('**apply to be recognised as a Zhejiang key digital-trade enterprise** — unlocks 1 measure(s), incl. a one-off reward of ¥200,000');
  });

  it('huiqi screen --columns --rules lists the declared facts as columns, an enum with its words', () => {
    const { code, stdout } = huiqi('screen', '--columns', '--rules', FIXTURE);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '| digitalTradeSegment | enum | digitalTradeSegment / 数字贸易业态 | digital-services, digital-content, cross-border-platform (or 数字服务, 数字内容, 跨境电商平台) |',
    );
    expect(stdout).toContain('| zhejiangKeyDigitalTradeEnterprise | boolean |');
    expect(huiqi('screen', '--columns').stdout).not.toContain('digitalTradeSegment');
  });

  it('screens a list whose columns are declared facts, by their Chinese labels and words', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const list = ['企业名称,统一社会信用代码,所在省份,数字贸易业态,上一年度数字服务出口额（元）', `甲,${USCC},浙江,跨境电商平台,1000万`, `乙,${USCC},浙江,数字内容,`].join('\n');
    const summary = await screen({ stream: Readable.from([Buffer.from(list)]), name: 'list.csv' }, { rules: ruleSet, output: out, format: 'jsonl', asOf: AS_OF });
    expect(summary.errors).toBe(0);
    const rows = Buffer.concat(chunks)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.eligibleRules)).toEqual([['zjcom-2025-12/platform-fast-filing'], []]);
  });

  it('huiqi rules list --jurisdiction takes the jurisdictions of the rules read, not the bundled ones', () => {
    const listed = huiqi('rules', 'list', '--rules', FIXTURE, '--jurisdiction', 'zhejiang', '--format', 'json');
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout).map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    const refused = huiqi('rules', 'list', '--rules', FIXTURE, '--jurisdiction', 'chongqing');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^huiqi rules list: --jurisdiction: the rules in \S+ have no jurisdiction "chongqing"; they have: zhejiang \(see/);
  });

  it("GET /api/v1/rules?jurisdiction= takes the jurisdictions of the server's rules, and the OpenAPI description names them", async () => {
    const app = await buildServer({ rules: ruleSet, asOf: AS_OF });
    try {
      const zhejiang = await app.inject({ method: 'GET', url: '/api/v1/rules?jurisdiction=zhejiang' });
      expect(zhejiang.statusCode).toBe(200);
      expect(zhejiang.json().count).toBe(rules.length);
      const chongqing = await app.inject({ method: 'GET', url: '/api/v1/rules?jurisdiction=chongqing' });
      expect(chongqing.statusCode).toBe(400);
      expect(chongqing.json().errors.map((e: { field: string }) => e.field)).toEqual(['jurisdiction']);
      const openApi = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      const parameter = openApi.paths['/rules'].get.parameters.find((p: { name: string }) => p.name === 'jurisdiction');
      expect(parameter.schema.enum).toEqual(['zhejiang']);
    } finally {
      await app.close();
    }
  });

  it("is in the API's fact catalog", async () => {
    const app = await buildServer({ rules: ruleSet, asOf: AS_OF });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/facts' });
      const fact = res.json().facts.find((f: { name: string }) => f.name === 'digitalTradeSegment');
      expect(fact).toMatchObject({ scope: 'enterprise', type: 'enum', zh: '数字贸易业态', changeable: false });
    } finally {
      await app.close();
    }
  });
});

describe('a fact declared for an incident kind', () => {
  it('is a field of that kind of incident, visible to its rules and not to enterprise rules', async () => {
    const document = { ...fixtureDocument, docNumber: '测试〔2024〕2号' };
    const incidentRule = (id: string, appliesTo: string, incident?: object) => ({
      id,
      title: { zh: '测试', en: 'test' },
      kind: 'penalty-exemption',
      source: { article: '第一条', lines: [1, 1], quote: '测试' },
      appliesTo,
      conditions: { fact: 'reportedThroughHotline', operator: 'equal', value: true },
      outcome: { zh: '测试', en: 'test' },
      cases: [
        { name: 'yes', ...(incident ? { incident: { ...incident, reportedThroughHotline: true } } : { enterprise: { reportedThroughHotline: true } }), expect: 'eligible' },
        { name: 'no', ...(incident ? { incident: { ...incident, reportedThroughHotline: false } } : { enterprise: { reportedThroughHotline: false } }), expect: 'ineligible' },
      ],
    });
    const facts = [{ name: 'reportedThroughHotline', appliesTo: 'customs-violation', type: 'boolean', zh: '通过热线报告', en: 'reported through the hotline' }];
    const dir = tempDir('declared');
    writeFileSync(
      join(dir, 'a.yaml'),
      stringify({ document, effective: fixtureEffective, facts, rules: [incidentRule('test-2024-2/incident', 'customs-violation', { category: 'tax' })] }),
    );
    const incidentRules = loadRuleSet(dir);
    const outcomes = await runAllCases(incidentRules.rules, 'native', incidentRules.catalog);
    expect(outcomes.map((o) => o.passed)).toEqual([true, true]);
    const profile = incidentRules.parseProfile({ name: 'A', uscc: USCC, incidents: [{ id: 'I1', kind: 'customs-violation', reportedThroughHotline: true }] });
    expect(profile.incidents[0]).toMatchObject({ reportedThroughHotline: true });
    expect(() => incidentRules.parseProfile({ name: 'A', uscc: USCC, incidents: [{ id: 'I1', kind: 'administrative-violation', reportedThroughHotline: true }] })).toThrow(
      /reportedThroughHotline/,
    );

    writeFileSync(
      join(dir, 'b.yaml'),
      stringify({ document: { ...document, docNumber: '测试〔2024〕3号' }, effective: fixtureEffective, rules: [incidentRule('test-2024-3/enterprise', 'enterprise')] }),
    );
    expect(() => loadRules(dir)).toThrow(/b\.yaml: rule test-2024-3\/enterprise: conditions\.fact: "reportedThroughHotline" is a fact of customs-violation, not of enterprise/);
  });
});

describe('refused declarations', () => {
  const declared = (name: string, extra: object = {}) => ({ name, appliesTo: 'enterprise', type: 'boolean', zh: '测试事实', en: 'a test fact', ...extra });
  const rule = (fact: string) => ({
    id: 'test-2024-1/declared',
    title: { zh: '测试', en: 'test' },
    kind: 'benefit',
    source: { article: '第一条', lines: [1, 1], quote: '测试' },
    appliesTo: 'enterprise',
    conditions: { fact, operator: 'equal', value: true },
    outcome: { zh: '测试', en: 'test' },
    cases: [
      { name: 'yes', enterprise: { [fact]: true }, expect: 'eligible' },
      { name: 'no', enterprise: { [fact]: false }, expect: 'ineligible' },
    ],
  });
  const folder = (files: Record<string, object>) => {
    const dir = tempDir('declared');
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), stringify(content));
    }
    return dir;
  };
  const problemsOf = (dir: string) => {
    try {
      loadRules(dir);
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };

  it('a fact declared in two files, naming both', () => {
    const file = (id: string) => ({
      document: fixtureDocument,
      effective: fixtureEffective,
      facts: [declared('twiceDeclaredFact')],
      rules: [{ ...rule('twiceDeclaredFact'), id }],
    });
    const dir = folder({ 'a.yaml': file('test-2024-1/a'), 'b.yaml': file('test-2024-1/b') });
    expect(problemsOf(dir)).toMatch(/b\.yaml: facts: "twiceDeclaredFact" is already declared in \S*a\.yaml/);
  });

  it('a fact that is built in, naming where it is', () => {
    const dir = folder({ 'a.yaml': { document: fixtureDocument, effective: fixtureEffective, facts: [declared('privateEnterprise')], rules: [rule('privateEnterprise')] } });
    expect(problemsOf(dir)).toMatch(/a\.yaml: facts: "privateEnterprise" is a built-in fact \(src\/profile\/facets\/business\.ts\)/);
  });

  it('a question gate (askedIf) naming a fact that does not exist, or a checklist item the list has not', () => {
    const dir = folder({
      'a.yaml': {
        document: fixtureDocument,
        effective: fixtureEffective,
        facts: [
          declared('gatedByNothingFact', { askedIf: { fact: 'noSuchSituation' } }),
          declared('gatedByNoItemFact', { askedIf: { fact: 'situations', includes: 'space-travel' } }),
          declared('gatedWellFact', { askedIf: { fact: 'situations', includes: 'exports' } }),
        ],
        rules: [rule('gatedWellFact')],
      },
    });
    const message = problemsOf(dir);
    expect(message).toMatch(/a\.yaml: facts: "gatedByNothingFact": askedIf names "noSuchSituation", which is neither built in nor declared by a rule file/);
    expect(message).toMatch(/a\.yaml: facts: "gatedByNoItemFact": askedIf names situations value "space-travel", which it does not have \(exports, imports/);
    expect(message).not.toMatch(/gatedWellFact/);
  });

  it('an enum without values, a change to a value the fact has not, and a rule naming an undeclared fact', () => {
    const dir = folder({
      'a.yaml': {
        document: fixtureDocument,
        effective: fixtureEffective,
        facts: [declared('noValuesFact', { type: 'enum' }), declared('badChangeFact', { change: { actions: { yes: { zh: '是', en: 'yes' } } } })],
        rules: [rule('privateEnterprise')],
      },
      'b.yaml': { document: fixtureDocument, effective: fixtureEffective, rules: [{ ...rule('undeclaredFact'), id: 'test-2024-1/undeclared' }] },
    });
    const message = problemsOf(dir);
    expect(message).toMatch(/facts\[0\]\.values: an enum fact lists its values/);
    expect(message).toMatch(/facts\[1\]\.change\.actions\.yes: "yes" is not a value of the fact \(true, false\)/);
    expect(message).toMatch(/rule test-2024-1\/undeclared: conditions\.fact: unknown fact "undeclaredFact"/);
  });

  it('a document whose jurisdiction is not its folder, and a scope naming an unknown fact', () => {
    const dir = folder({
      'zhejiang/a.yaml': {
        document: { ...fixtureDocument, jurisdiction: 'national', scope: { fact: 'provinceOf', operator: 'equal', value: 'zhejiang' } },
        effective: fixtureEffective,
        rules: [rule('privateEnterprise')],
      },
    });
    const message = problemsOf(dir);
    expect(message).toMatch(/a\.yaml: document\.jurisdiction: is "national" but the file lies in the folder zhejiang\//);
    expect(message).toMatch(/a\.yaml: rule test-2024-1\/declared: document\.scope\.fact: unknown fact "provinceOf"/);
  });
});
