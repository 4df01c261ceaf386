// The HTTP API through app.inject: every endpoint with good and bad input, the headers every answer
// carries, problem documents naming the field, and answers equal to the CLI's for the same input.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { questionSequence } from '../../src/ask/sequence.ts';
import { screenList } from '../../src/batch/run.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { factsOut, healthOut, problemOut, questionsOut, ruleOut, ruleSetSchemas } from '../../src/server/schemas.ts';
import { tempDir } from '../support/temp.ts';

const AS_OF = '2025-06-30';
const rules = loadRuleSet();
const { checkOut, rulesOut } = ruleSetSchemas(rules.jurisdictions);
const aeoYaml = readFileSync('samples/aeo-manufacturer-chongqing.yaml', 'utf8');
const aeo = parseYaml(aeoYaml) as Record<string, unknown>;
const incompleteYaml = readFileSync('samples/incomplete-profile.yaml', 'utf8');
const listCsv = readFileSync('samples/enterprises.csv');
const dir = tempDir('api-test');

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ rules, asOf: AS_OF });
  // A route that fails unexpectedly, to see what a client is told.
  app.get('/boom', async () => {
    throw new Error('secret internals at /home/huiqi/src/engine.ts:12');
  });
});
afterAll(() => app.close());

const yaml = { 'content-type': 'application/yaml' };
const post = (url: string, payload: string | Buffer | object, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload, headers });
const get = (url: string) => app.inject({ method: 'GET', url });

/** A problem document: its status, media type and the fields it names. */
function expectProblem(res: Awaited<ReturnType<typeof get>>, status: number, fields: string[] = []) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = problemOut.parse(res.json());
  expect(body.status).toBe(status);
  expect(body.detail).not.toMatch(/\n\s+at /); // never a stack trace
  expect((body.errors ?? []).map((e) => e.field)).toEqual(expect.arrayContaining(fields));
  return body;
}

/** A schema that keeps every key it is given: parsing changes nothing if the answer fits the description. */
const fits = (schema: { parse(v: unknown): unknown }, value: unknown) => expect(schema.parse(value)).toEqual(value);

describe('every response', () => {
  it('carries the security headers, the version, the rule-set hash and the as-of date, errors included', async () => {
    for (const res of [await get('/api/v1/healthz'), await get('/no/such/page'), await post('/api/v1/check', '{', { 'content-type': 'application/json' })]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
      );
      expect(res.headers['huiqi-version']).toMatch(/^\d+\.\d+\.\d+/);
      expect(res.headers['huiqi-rules-hash']).toMatch(/^[0-9a-f]{16}$/);
      expect(res.headers['huiqi-as-of']).toBe(AS_OF);
    }
  });

  it('gives a 500 without internals when something unexpected fails', async () => {
    const body = expectProblem(await get('/boom'), 500);
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('answers an unknown path with a 404 problem', async () => {
    expectProblem(await get('/api/v1/nothing'), 404);
  });
});

describe('POST /api/v1/check', () => {
  it('answers what `huiqi check --format json` prints for the same profile and date', async () => {
    const res = await post('/api/v1/check', aeoYaml, yaml);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const cli = spawnSync(process.execPath, ['bin/huiqi.js', 'check', 'samples/aeo-manufacturer-chongqing.yaml', '--format', 'json', '--as-of', AS_OF], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(res.json()).toEqual(JSON.parse(cli.stdout));
    fits(checkOut, res.json());
  }, 120_000);

  it('lists every result with ?all=true, as `huiqi check --format json --all` does', async () => {
    const res = await post('/api/v1/check?all=true', readFileSync('samples/dishonest-trader.json', 'utf8'), { 'content-type': 'application/json' });
    const cli = spawnSync(process.execPath, ['bin/huiqi.js', 'check', 'samples/dishonest-trader.json', '--format', 'json', '--all', '--as-of', AS_OF], { encoding: 'utf8' });
    expect(res.json()).toEqual(JSON.parse(cli.stdout));
    expect(res.json().results).toHaveLength(
      rules.rules.filter((r) => r.appliesTo === 'enterprise').length + res.json().results.filter((r: { incidentId?: string }) => r.incidentId).length,
    );
    const lean = (await post('/api/v1/check', readFileSync('samples/dishonest-trader.json', 'utf8'), { 'content-type': 'application/json' })).json();
    expect(lean.results.length).toBeLessThan(res.json().results.length);
    expect(lean.counts).toEqual(res.json().counts);
  }, 120_000);

  it('takes JSON as well as YAML, with the same answer', async () => {
    const fromJson = await post('/api/v1/check', aeo);
    expect(fromJson.statusCode).toBe(200);
    expect(fromJson.body).toBe((await post('/api/v1/check', aeoYaml, yaml)).body);
    // 127号 item (二) applies to the AEO sample's tax incident disclosed ~8 months after it happened.
    const item2 = fromJson.json().results.find((r: { ruleId: string }) => r.ruleId === 'gacc-2023-127/no-penalty-tax-within-2-years');
    expect(item2.status).toBe('eligible');
  });

  it('evaluates as of the date asked for, and says so', async () => {
    const res = await post('/api/v1/check?asOf=2024-01-15', aeo);
    expect(res.headers['huiqi-as-of']).toBe('2024-01-15');
    expect(res.json().asOf).toBe('2024-01-15');
  });

  it('names each bad field of an invalid profile, echoing the problem', async () => {
    const body = expectProblem(await post('/api/v1/check', { ...aeo, uscc: '91500000MA5U00000X', customsCredit: 'AA' }), 400, ['uscc', 'customsCredit']);
    expect(body.detail).toContain('check character');
    expect(body.detail).toContain('"AA"');
    expectProblem(await post('/api/v1/check', { ...aeo, incidents: [{ id: 'X', kind: 'customs-violation', disclosureDate: '2024-02-30' }] }), 400, ['incidents[0].disclosureDate']);
    expectProblem(await post('/api/v1/check', { ...aeo, colour: 'red' }), 400, ['colour']);
  });

  it('refuses a malformed, empty or unsupported body', async () => {
    expect(expectProblem(await post('/api/v1/check', '{"name": ', { 'content-type': 'application/json' }), 400).detail).toMatch(/JSON/);
    expect(expectProblem(await post('/api/v1/check', 'name: [unclosed', yaml), 400).detail).toMatch(/YAML/);
    expectProblem(await post('/api/v1/check', '', { 'content-type': 'application/json' }), 400);
    expectProblem(await post('/api/v1/check', 'name=A', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    expectProblem(await post('/api/v1/check', 'a,b', { 'content-type': 'text/csv' }), 415);
  });

  it('refuses unknown and bad parameters, so no request can name a rules folder or a file', async () => {
    expectProblem(await post('/api/v1/check?rules=/etc', aeo), 400, ['rules']);
    expectProblem(await post('/api/v1/check?asOf=2025-02-30', aeo), 400, ['asOf']);
    expectProblem(await post('/api/v1/screen?input=/etc/passwd', listCsv, { 'content-type': 'text/csv' }), 400, ['input']);
  });
});

describe('body limits', () => {
  it('answers 413 with the limit when a profile or a list is too large', async () => {
    const small = await buildServer({ rules, asOf: AS_OF, bodyLimit: { profile: 2048, list: 4096 } });
    try {
      const big = { ...aeo, name: 'x'.repeat(4000) };
      const profile = expectProblem(await small.inject({ method: 'POST', url: '/api/v1/check', payload: big }), 413);
      expect(profile.detail).toContain('2048 bytes');
      const list = expectProblem(await small.inject({ method: 'POST', url: '/api/v1/screen', payload: listCsv, headers: { 'content-type': 'text/csv' } }), 413);
      expect(list.detail).toContain('4096 bytes');
      const form = multipart('list', 'enterprises.csv', listCsv);
      expectProblem(await small.inject({ method: 'POST', url: '/api/v1/screen', payload: form.body, headers: form.headers }), 413);
    } finally {
      await small.close();
    }
  });
});

describe('POST /api/v1/report', () => {
  it('renders the client report as HTML (its inline stylesheet allowed by hash) or Markdown', async () => {
    const html = await post('/api/v1/report?lang=en', aeoYaml, yaml);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('What it would take');
    expect(html.headers['content-security-policy']).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    const md = await post('/api/v1/report?format=markdown&lang=zh', aeo);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# 惠企政策适用报告/);
  });

  it('refuses an unknown format and an invalid profile', async () => {
    expectProblem(await post('/api/v1/report?format=pdf', aeo), 400, ['format']);
    expectProblem(await post('/api/v1/report', { name: '' }), 400, ['name', 'uscc']);
  });
});

describe('POST /api/v1/questions', () => {
  it('asks the one question sequence of the page and `huiqi ask`, each question with the measures it decides', async () => {
    const res = await post('/api/v1/questions', incompleteYaml, yaml);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    fits(questionsOut, body);
    expect(body.questions.length).toBeGreaterThan(1);
    const { questions } = await questionSequence(parseProfile(parseYaml(incompleteYaml)), { rules, asOf: res.headers['huiqi-as-of'] as string });
    expect(body.questions.map((q: { fact: string }) => q.fact)).toEqual(questions.map((q) => q.fact));
    for (const q of body.questions) expect(q.why.length).toBeGreaterThan(0);
    // The export-refund incident's missing refund due decides 127号's export-refund items.
    const refund = body.questions.find((q: { fact: string }) => q.fact === 'refundPayable');
    expect(refund.incidents).toEqual(['EXP-REFUND-1']);
    expect(refund.why.map((w: { ruleId: string }) => w.ruleId)).toContain('gacc-2023-127/no-penalty-export-refund-within-2-years');
    // An enum question carries its values' words, as GET /facts does: what a form shows.
    const enumQuestion = body.questions.find((q: { type: string }) => q.type === 'enum');
    expect(enumQuestion.valueWords).toEqual(rules.catalog.definition(enumQuestion.fact)!.valueWords);
    expect(Object.keys(enumQuestion.valueWords)).toEqual(enumQuestion.values);
    const limited = (await post('/api/v1/questions?limit=2', incompleteYaml, yaml)).json();
    expect(limited.questions).toEqual(body.questions.slice(0, 2));
  });

  it('refuses a bad limit and an invalid profile', async () => {
    expectProblem(await post('/api/v1/questions?limit=0', incompleteYaml, yaml), 400, ['limit']);
    expectProblem(await post('/api/v1/questions', { name: 'A' }), 400, ['uscc']);
  });
});

/** A multipart/form-data body with one file (and optional fields before it). */
function multipart(field: string, filename: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----huiqi-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /api/v1/screen', () => {
  let cliCsv: string;
  beforeAll(async () => {
    // What `huiqi screen samples/enterprises.csv --out x.csv --as-of …` writes.
    const out = join(dir, 'screened.csv');
    await screenList({
      input: 'samples/enterprises.csv',
      output: out,
      outputFormat: 'csv',
      rules,
      asOf: AS_OF,
      lang: 'zh',
      stderr: { write: () => true } as never,
      progress: false,
    });
    cliCsv = readFileSync(out, 'utf8');
  });

  it('streams back what `huiqi screen` writes: rows out = rows in, bad rows named with their row numbers', async () => {
    const res = await post('/api/v1/screen', listCsv, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="list-screened.csv"/);
    expect(res.body).toBe(cliCsv);
    const rows = parseCsv(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(300);
    expect(rows.find((r) => r.row === '9')!.error).toContain('统一社会信用代码 (uscc): is not a valid 统一社会信用代码');
  });

  it('takes the list as the file field `list` of a form (a page without JavaScript), with options as fields', async () => {
    const form = multipart('list', '企业名单.csv', listCsv, { asOf: AS_OF });
    const res = await post('/api/v1/screen', form.body, form.headers);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(cliCsv);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('企业名单-screened.csv')}`);
  });

  it('reads XLSX and JSONL and writes JSONL', async () => {
    const xlsx = await post('/api/v1/screen', readFileSync('samples/enterprises.xlsx'), { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(xlsx.statusCode).toBe(200);
    expect(parseCsv(xlsx.body, { columns: true, bom: true })).toHaveLength(300);
    const jsonl = '{"name":"重庆甲公司","uscc":"91500000MA5U00000W","customsCredit":"advanced"}\nnot json\n';
    const res = await post('/api/v1/screen?format=jsonl', jsonl, { 'content-type': 'application/x-ndjson' });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.row)).toEqual([1, 2]);
    expect(lines[0].error).toBeNull();
    expect(lines[1].error).toMatch(/not valid JSON/);
  });

  it('refuses a list whose header names no field, naming the column, before any row is sent', async () => {
    const body = expectProblem(await post('/api/v1/screen', '企业名称,统一社会信用代码,colour\nA,91500000MA5U00000W,red\n', { 'content-type': 'text/csv' }), 400);
    expect(body.detail).toContain('colour');
    expect(
      (await post('/api/v1/screen?ignoreUnknownColumns=true', '企业名称,统一社会信用代码,colour\nA,91500000MA5U00000W,red\n', { 'content-type': 'text/csv' })).statusCode,
    ).toBe(200);
  });

  it('refuses a form without the list, another media type, and bad options', async () => {
    const wrong = multipart('file', 'a.csv', listCsv);
    expectProblem(await post('/api/v1/screen', wrong.body, wrong.headers), 400, ['list']);
    expectProblem(await post('/api/v1/screen', { rows: [] }), 415);
    expectProblem(await post('/api/v1/screen?format=pdf', listCsv, { 'content-type': 'text/csv' }), 400, ['format']);
    const badField = multipart('list', 'a.csv', listCsv, { only: 'everything' });
    expectProblem(await post('/api/v1/screen', badField.body, badField.headers), 400, ['only']);
  });
});

describe('GET /api/v1/rules, /rules/{id}, /facts, /healthz', () => {
  it('lists every rule with its 文号 and article, filtered on request', async () => {
    const all = (await get('/api/v1/rules')).json();
    fits(rulesOut, all);
    expect(all.count).toBe(rules.rules.length);
    const cq = (await get('/api/v1/rules?jurisdiction=chongqing')).json();
    expect(cq.count).toBe(rules.rules.filter((r) => r.source.jurisdiction === 'chongqing').length);
    expect(cq.count).toBeGreaterThan(0);
    expectProblem(await get('/api/v1/rules?jurisdiction=mars'), 400, ['jurisdiction']);
  });

  it('gives one rule by id, its slash written as is or encoded', async () => {
    const id = 'gacc-2023-127/no-penalty-tax-within-2-years';
    const raw = await get(`/api/v1/rules/${id}`);
    expect(raw.statusCode).toBe(200);
    expect(raw.json().source.docNumber).toBe('海关总署公告2023年第127号');
    fits(ruleOut, raw.json());
    expect((await get(`/api/v1/rules/${encodeURIComponent(id)}`)).body).toBe(raw.body);
    expectProblem(await get('/api/v1/rules/gacc-2023-127/no-such-rule'), 404, ['id']);
  });

  it('describes every fact a form needs: labels, types, enum values', async () => {
    const body = (await get('/api/v1/facts')).json();
    fits(factsOut, body);
    const credit = body.facts.find((f: { name: string }) => f.name === 'customsCredit');
    expect(credit).toMatchObject({ type: 'enum', values: ['advanced', 'registered', 'dishonest'], scope: 'enterprise', derived: false, changeable: true });
    expect(credit.zh).toContain('海关信用等级');
    // What a form shows for each value, and the OpenAPI description says so.
    expect(credit.valueWords).toMatchObject({
      advanced: { zh: '高级认证企业', en: 'AEO advanced certified enterprise' },
      registered: { zh: '其他注册登记和备案企业', en: 'other registered enterprise' },
      dishonest: { zh: '失信企业', en: 'dishonest enterprise' },
    });
    // 一般信用企业, the word clerks still use, is read as registered, with what it means now.
    expect(credit.valueWords.registered.also).toContain('一般信用企业');
    expect(credit.valueWords.registered.note.zh).toContain('现行海关信用管理只认定高级认证企业和失信企业');
    const doc = (await get('/api/v1/openapi.json')).json();
    expect(doc.components.schemas.Facts.properties.facts.items.properties).toHaveProperty('valueWords');
    expect(body.facts.find((f: { name: string }) => f.name === 'disclosedWithin6Months')).toMatchObject({ derived: true, scope: 'customs-violation' });
    expectProblem(await get('/api/v1/facts?x=1'), 400, ['x']);
  });

  it('says it is alive, with the rule set', async () => {
    const res = await get('/api/v1/healthz');
    fits(healthOut, res.json());
    expect(res.json().rulesHash).toBe(res.headers['huiqi-rules-hash']);
    expect(res.json().rules).toBe(rules.rules.length);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every endpoint, each $ref resolving to a component generated from the zod schemas', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/calendar', '/check', '/facts', '/healthz', '/openapi.json', '/questions', '/report', '/rules', '/rules/{id}', '/screen']);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref.split('/')[0]!]).toBeDefined();
    // The profile as it is validated: the USCC required, the credit status one of three values.
    expect(doc.components.schemas.Profile.required).toEqual(expect.arrayContaining(['name', 'uscc']));
    expect(JSON.stringify(doc.components.schemas.Profile)).toContain('"advanced","registered","dishonest"');
    expect(doc.paths['/check'].post.parameters.map((p: { name: string }) => p.name)).toEqual(['asOf', 'all']);
  });
});
