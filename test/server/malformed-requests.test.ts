// Malformed requests get a 4xx problem that says what is wrong, never a 500: multipart without a boundary,
// cut short at every byte (inside its part headers too), two files, odd content types on every endpoint.
// Then a property test (fast-check) posts generated bodies, headers and content types to every endpoint
// and page: never a 5xx, never a stack frame in the body.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';

const STACK = /\n\s+at .*:\d+:\d+\)?/;
const USCC = '91500000MA5U00000W';
const B = 'huiqi-b0undary';
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ rules: loadRuleSet('test/batch/fixtures/rules'), asOf: '2025-06-30' });
}, 60_000);
afterAll(() => app.close());

const filePart = (field: string, name: string, content: string) =>
  `--${B}\r\ncontent-disposition: form-data; name="${field}"; filename="${name}"\r\ncontent-type: text/csv\r\n\r\n${content}\r\n`;
const fieldPart = (field: string, value: string) => `--${B}\r\ncontent-disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`;
const list = `企业名称,统一社会信用代码\r\n测试,${USCC}\r\n`;
const form = `${fieldPart('lang', 'en')}${filePart('list', 'list.csv', list)}--${B}--\r\n`;
const multipart = (boundary = B) => ({ 'content-type': `multipart/form-data; boundary=${boundary}` });
const post = (url: string, payload: string | Buffer, headers: Record<string, string>) => app.inject({ method: 'POST', url, payload, headers });

function expectProblem(res: Awaited<ReturnType<typeof post>>, status: number | RegExp, detail: RegExp) {
  if (typeof status === 'number') expect(res.statusCode, res.body).toBe(status);
  else expect(String(res.statusCode), res.body).toMatch(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect((res.json() as { detail: string }).detail).toMatch(detail);
  expect(res.body).not.toMatch(STACK);
}

describe('malformed multipart forms on POST /api/v1/screen', () => {
  it('the whole form is screened (the check that the cases below start from a good form)', async () => {
    const res = await post('/api/v1/screen', form, multipart());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(USCC);
  });

  it('multipart/form-data without a boundary, or an empty one, is a 400 saying so', async () => {
    expectProblem(await post('/api/v1/screen', form, { 'content-type': 'multipart/form-data' }), 400, /names no boundary/);
    expectProblem(await post('/api/v1/screen', form, { 'content-type': 'multipart/form-data; boundary=' }), 400, /multipart\/form-data body cannot be read/);
    expectProblem(await post('/api/v1/screen', form, multipart('x'.repeat(300))), 400, /boundary is longer than 70 characters/);
  });

  it('a form cut short at any byte (in its part headers, its file, its closing boundary) is a 400, never a 500 or a wait', async () => {
    for (let cut = 0; cut < form.length - 2; cut++) {
      const payload = Buffer.from(form).subarray(0, cut);
      const res = await post('/api/v1/screen', payload, multipart());
      expect(res.statusCode, `cut at ${cut}: ${res.body}`).toBe(400);
      expect(res.body).not.toMatch(STACK);
      expect((res.json() as { detail: string }).detail, `cut at ${cut}`).toMatch(/cut short|has no file/);
    }
  });

  it('two files, or a file in another field, is a 400 naming the field', async () => {
    const two = `${filePart('list', 'a.csv', list)}${filePart('list', 'b.csv', list)}--${B}--\r\n`;
    expectProblem(await post('/api/v1/screen', two, multipart()), 400, /more than one file/);
    const other = `${filePart('file', 'a.csv', list)}--${B}--\r\n`;
    expectProblem(await post('/api/v1/screen', other, multipart()), 400, /file field "list" \(got a file in "file"\)/);
  });

  it('options sent as fields after the file are taken too', async () => {
    const after = `${filePart('list', 'list.csv', list)}${fieldPart('format', 'jsonl')}--${B}--\r\n`;
    const res = await post('/api/v1/screen', after, multipart());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
  });

  it('the page upload of a profile answers a cut form or one without a boundary with a 400', async () => {
    const profileForm = `${filePart('profile', 'p.yaml', `name: 测试\nuscc: ${USCC}\n`)}--${B}--\r\n`;
    expectProblem(await post('/upload', profileForm, { 'content-type': 'multipart/form-data' }), 400, /names no boundary/);
    expectProblem(await post('/upload', profileForm.slice(0, 40), multipart()), 400, /cut short/);
  });
});

describe('odd content types', () => {
  it('every endpoint answers a body of a type it does not take with a 4xx problem, never a 500', async () => {
    const types = [
      'multipart/form-data',
      `multipart/mixed; boundary=${B}`,
      'application/x-www-form-urlencoded',
      'text/csv; charset=klingon',
      'application/json; charset=klingon',
      ';;;',
      'image/png',
      '*/*',
      'application/json; boundary',
      'text/yaml; charset="utf-16"',
    ];
    for (const url of ['/api/v1/check', '/api/v1/report', '/api/v1/questions', '/api/v1/screen']) {
      for (const type of types) {
        const res = await post(url, 'name=x&uscc=y', { 'content-type': type });
        expect(String(res.statusCode), `${url} ${type}: ${res.body}`).toMatch(/^4\d\d$/);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).not.toMatch(STACK);
      }
    }
  });
  it('a page posted JSON (fields that are objects, nesting 100,000 deep) is a 415 naming the type, not a 500', async () => {
    for (const url of ['/', '/download/profile', '/download/report', '/upload']) {
      for (const payload of ['{"profile":{"a":1},"step":"basics"}', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
        expectProblem(await post(url, payload, { 'content-type': 'application/json' }), 415, /does not take application\/json: the pages take forms/);
      }
    }
  });

  it('a profile with an undeclared or unknown charset is a 415 naming it', async () => {
    expectProblem(await post('/api/v1/check', '{}', { 'content-type': 'application/json; charset=klingon' }), 415, /charset "klingon"/);
  });
});

describe('property: generated requests never get a 5xx or a stack frame', () => {
  const urls = [
    '/api/v1/check',
    '/api/v1/report',
    '/api/v1/questions',
    '/api/v1/screen',
    '/',
    '/upload',
    '/download/profile',
    '/download/report',
    '/api/v1/rules',
    '/api/v1/healthz',
  ];
  const mediaTypes = [
    'application/json',
    'application/yaml',
    'text/yaml',
    'text/csv',
    'application/x-ndjson',
    'application/octet-stream',
    'multipart/form-data',
    'application/x-www-form-urlencoded',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/plain',
    'image/png',
  ];
  const parameter = fc.oneof(
    fc.constant(''),
    fc.constantFrom('; charset=utf-8', '; charset=gbk', '; charset=utf-16', '; charset=latin1', `; boundary=${B}`, '; boundary=', '; boundary="a b"', ';', '; charset'),
    fc.string({ maxLength: 20 }).map((s) => `; ${s}`),
  );
  const contentType = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...mediaTypes), parameter).map(([t, p]) => t + p) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
    fc.nat(form.length).map((n) => Buffer.from(form).subarray(0, n)),
    fc.tuple(fc.nat(form.length - 1), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, bytes]) => {
      const b = Buffer.from(form);
      b.set(bytes.subarray(0, b.length - at), at);
      return b;
    }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
    fc.constantFrom(
      `name: 测试\nuscc: ${USCC}\n`,
      `{"name":"测试","uscc":"${USCC}"}`,
      'profile=%7B%7D&step=basics',
      `profile=${'%5B'.repeat(500)}`,
      '[[[[[[[[',
      '- - - - -',
      '\uFEFF{',
    ),
  );

  it('POST of generated bodies and content types to every endpoint and page: 2xx, 3xx or 4xx, no stack frame', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), contentType, body, fc.boolean(), async (url, type, payload, withType) => {
        const res = await app.inject({ method: 'POST', url, payload, headers: withType ? { 'content-type': type } : {} });
        expect(res.statusCode, `${url} ${type} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
        expect(res.body).not.toMatch(STACK);
      }),
      { numRuns: 150, seed: Number(process.env.HUIQI_FUZZ_SEED ?? 20261206) },
    );
  });
});
