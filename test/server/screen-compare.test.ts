// POST /api/v1/screen with a previous result in the form's `previous` file field (huiqi screen --compare
// on the server): the compare columns in the result, a file that is not a result refused as a problem.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ rules: loadRuleSet(), asOf: '2025-06-30' });
});
afterAll(() => app.close());

/** A multipart form: fields, then files in order. */
function form(fields: Record<string, string>, files: { field: string; name: string; content: string | Buffer }[]) {
  const boundary = '----huiqi-test';
  const parts = [
    ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
    ...files.flatMap((f) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(f.content),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const list = readFileSync('samples/enterprises.csv');
const rows = (body: string) => parse(body, { columns: true, bom: true }) as Record<string, string>[];

describe('POST /api/v1/screen with a previous result', () => {
  it('adds what changed for each client since the previous result, and why', async () => {
    const march = await app.inject({ method: 'POST', url: '/api/v1/screen?asOf=2024-03-30', payload: list, headers: { 'content-type': 'text/csv' } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      ...form({ lang: 'en' }, [
        { field: 'previous', name: 'march.csv', content: march.rawPayload },
        { field: 'list', name: 'list.csv', content: list },
      ]),
    });
    expect(res.statusCode).toBe(200);
    const out = rows(res.body);
    expect(out).toHaveLength(300);
    expect(out[0]).toMatchObject({
      compared: 'uscc',
      gained: 'gacc-2024-66/new-accounts-are-e-accounts',
      lost: '',
      reasons: 'gacc-2024-66/new-accounts-are-e-accounts: came into force on 2024-07-01',
    });
    // Exactly the rows whose measures differ between the two dates' plain results.
    const june = await app.inject({ method: 'POST', url: '/api/v1/screen', payload: list, headers: { 'content-type': 'text/csv' } });
    const [before, after] = [rows(march.body), rows(june.body)];
    const differing = after.filter((r, i) => r.eligibleRules !== before[i]!.eligibleRules).map((r) => r.row);
    expect(differing.length).toBeGreaterThan(0);
    expect(out.filter((r) => r.gained || r.lost).map((r) => r.row)).toEqual(differing);
    expect(out.filter((r) => r.gained || r.lost).every((r) => r.reasons !== '')).toBe(true);
  });

  it('ignores an empty previous field, says "not in the previous result" on every row of another list, and refuses a file that is not a result', async () => {
    const none = await app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      ...form({}, [
        { field: 'previous', name: '', content: '' },
        { field: 'list', name: 'list.csv', content: list },
      ]),
    });
    expect(none.statusCode).toBe(200);
    expect(Object.keys(rows(none.body)[0]!)).not.toContain('compared');

    const other = '企业名称,统一社会信用代码\n别的公司,91110000MA00000019\n';
    const otherResult = await app.inject({ method: 'POST', url: '/api/v1/screen', payload: other, headers: { 'content-type': 'text/csv' } });
    const unmatched = await app.inject({
      method: 'POST',
      url: '/api/v1/screen?lang=en',
      ...form({}, [
        { field: 'previous', name: 'other.csv', content: otherResult.rawPayload },
        { field: 'list', name: 'list.csv', content: list },
      ]),
    });
    expect(unmatched.statusCode).toBe(200);
    const compared = rows(unmatched.body).map((r) => [r.compared, r.error !== '']);
    expect(new Set(compared.map(([c, error]) => `${c} ${error}`))).toEqual(new Set(['new: not in the previous result false', 'not compared: the row has an error true']));

    const notAResult = await app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      ...form({}, [
        { field: 'previous', name: 'list-again.csv', content: list },
        { field: 'list', name: 'list.csv', content: list },
      ]),
    });
    expect(notAResult.statusCode).toBe(400);
    expect(notAResult.json().detail).toMatch(/^list-again\.csv: not a screening result of huiqi screen: no eligibleRules \(适用措施编号\) column/);
  });
});
