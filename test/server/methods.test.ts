// Doors people try first: the health check and the API description at the root, a wrong method on a path
// that exists (405 with Allow, as RFC 9110 asks), a path that does not (404), and JSON with a syntax error
// (its line and column).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ rules: loadRuleSet(), asOf: '2025-06-30' });
}, 60_000);
afterAll(() => app.close());

describe('methods and root paths', () => {
  it.each([
    ['/healthz', '/api/v1/healthz'],
    ['/openapi.json', '/api/v1/openapi.json'],
  ])('GET %s leads to %s', async (path, target) => {
    const res = await app.inject(path);
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe(target);
    expect((await app.inject(target)).statusCode).toBe(200);
  });

  it.each([
    ['GET', '/api/v1/check', 'POST'],
    ['PUT', '/api/v1/report', 'POST'],
    ['POST', '/api/v1/healthz', 'GET, HEAD'],
    ['DELETE', '/api/v1/rules/gacc-2023-127/late-fee-waiver', 'GET, HEAD'],
    ['PUT', '/', 'GET, HEAD, POST'],
  ] as const)('%s %s is 405 with Allow: %s', async (method, url, allow) => {
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 405, title: 'Method not allowed' });
  });

  it('a path no method answers is 404', async () => {
    const res = await app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers.allow).toBeUndefined();
  });

  it('malformed JSON is answered with its line and column', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/check', payload: '{"name": "x",\n  "uscc": 12,,}', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/line 2, column 14/);
  });
});
