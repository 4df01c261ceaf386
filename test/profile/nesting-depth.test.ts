// Profiles nested far deeper than any real one (`[[[[…`, `{"a":{"a":…`, YAML flow and block nesting, 3,000
// and 100,000 levels) are refused with a message naming the limit, on every door: the CLI (exit 1), the API
// (a 400 problem) and the self-check page (its form and its upload). Nothing reaches the end of the call
// stack: neither the JSON and YAML parsers, nor the limits' walk, nor the validation after it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/io/limits.ts';
import { parseStructuredText } from '../../src/io/read.ts';
import { validateProfileLimits } from '../../src/profile/load.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { tempDir } from '../support/temp.ts';

const dir = tempDir('depth');
const LIMIT = LIMITS.nestingDepth;
const USCC = '91500000MA5U00000W';
const STACK = /^\s+at .*:\d+:\d+\)?$/m;

/** Deep texts by kind and depth, each a profile whose extra field nests `n` levels. */
const deep = {
  jsonArrays: (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`,
  jsonObjects: (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
  jsonProfile: (n: number) => `{"name":"深","uscc":"${USCC}","incidents":[${'{"a":'.repeat(n)}1${'}'.repeat(n)}]}`,
  yamlFlow: (n: number) => `name: 深\nuscc: ${USCC}\nextra: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
  yamlFlowSequences: (n: number) => `${'['.repeat(n)}${']'.repeat(n)}\n`,
  yamlBlock: (n: number) => `name: 深\nuscc: ${USCC}\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:\n`).join('')}${' '.repeat(n)}b\n`,
  yamlBlockSequences: (n: number) => `${'- '.repeat(n)}x\n`,
};
const limitNamed = new RegExp(`nested more than ${LIMIT} levels deep.*at most ${LIMIT} levels`);

describe('the readers refuse nesting beyond the limit before anything recurses', () => {
  it('JSON and YAML texts 3,000 and 100,000 levels deep are a limit error, not a stack overflow', () => {
    for (const n of [3_000, 100_000]) {
      for (const [kind, make] of Object.entries(deep)) {
        if (kind === 'yamlBlock' && n > 3_000) continue; // 100,000 indented lines are 5 GB of spaces
        const syntax = kind.startsWith('json') ? 'json' : 'yaml';
        expect(() => parseStructuredText(make(n), `${kind}-${n}`, syntax), `${kind} ${n}`).toThrow(limitNamed);
      }
    }
  });

  it(`${LIMIT} levels are read; ${LIMIT + 1} are refused (JSON, YAML flow and block alike)`, () => {
    for (const [kind, make] of Object.entries(deep)) {
      const syntax = kind.startsWith('json') ? 'json' : 'yaml';
      // the profile-shaped texts nest their deep part one or two levels below the top
      const offset = kind === 'jsonProfile' ? 2 : kind === 'yamlFlow' ? 1 : 0;
      expect(() => parseStructuredText(make(LIMIT - offset), kind, syntax), kind).not.toThrow();
      expect(() => parseStructuredText(make(LIMIT + 1 - offset), kind, syntax), kind).toThrow(limitNamed);
    }
  });

  it('YAML aliases that nest what the text does not are measured too', () => {
    // Each line nests within the limit; the second holds the first five levels down.
    const nest = (n: number, inner: string) => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
    const text = `l0: &l0 ${nest(LIMIT - 4, '1')}\nl1: ${nest(8, '*l0')}\n`;
    expect(() => parseStructuredText(text.split('\n')[0]!, 'anchor.yaml', 'yaml')).not.toThrow();
    expect(() => parseStructuredText(text, 'aliases.yaml', 'yaml')).toThrow(limitNamed);
  });

  it('a profile object built in code (the library) is measured without recursion', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = { a: value };
    expect(() => validateProfileLimits({ name: 'x', uscc: USCC, incidents: [value] }, 'profile')).toThrow(limitNamed);
  });
});

describe('huiqi check on a deeply nested profile', () => {
  it('exits 1 with one line naming the file and the limit (JSON and YAML, 3,000 and 100,000 levels)', { timeout: 120_000 }, () => {
    const files = [
      ['arrays-3000.json', deep.jsonArrays(3_000)],
      ['objects-100000.json', deep.jsonObjects(100_000)],
      ['profile-3000.json', deep.jsonProfile(3_000)],
      ['flow-100000.yaml', deep.yamlFlow(100_000)],
      ['block-3000.yaml', deep.yamlBlock(3_000)],
    ];
    for (const [name, text] of files) {
      const file = join(dir, name!);
      writeFileSync(file, text!);
      const run = spawnSync(process.execPath, ['bin/huiqi.js', 'check', file, '--as-of', '2025-06-30', '--rules', 'test/fixtures/gap/rules.yaml'], { encoding: 'utf8' });
      expect(run.status, `${name}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toMatch(limitNamed);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('the API and the self-check page on a deeply nested profile', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ rules: loadRuleSet('test/fixtures/gap/rules.yaml'), asOf: '2025-06-30' });
  }, 60_000);
  afterAll(() => app.close());

  it('POST /api/v1/check answers 400 naming the limit (JSON and YAML, 3,000 and 100,000 levels), never a 500', async () => {
    const bodies: [string, string][] = [
      ['application/json', deep.jsonArrays(3_000)],
      ['application/json', deep.jsonObjects(100_000)],
      ['application/json', deep.jsonProfile(5_000)],
      ['application/yaml', deep.yamlFlow(3_000)],
      ['application/yaml', deep.yamlFlowSequences(100_000)],
      ['application/yaml', deep.yamlBlock(1_000)],
      ['application/yaml', deep.yamlBlockSequences(100_000)],
    ];
    for (const [type, payload] of bodies) {
      for (const url of ['/api/v1/check', '/api/v1/report', '/api/v1/questions']) {
        const res = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });
        expect(res.statusCode, `${url} ${type} ${payload.slice(0, 30)}`).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        const problem = res.json() as { title: string; detail: string };
        expect(problem.title).toBe('Profile beyond a limit');
        expect(problem.detail).toMatch(limitNamed);
        expect(res.body).not.toMatch(STACK);
      }
    }
  });

  it(`the page's form with a hidden profile nested 3,000 or 50,000 deep answers 400 saying the limit of ${LIMIT} levels`, async () => {
    for (const n of [3_000, 50_000]) {
      for (const [url, lang, words] of [
        ['/', 'zh', `嵌套超过 ${LIMIT} 层`],
        ['/', 'en', `nested more than ${LIMIT} levels deep`],
        ['/download/report', 'en', `${LIMIT} levels`],
      ] as const) {
        const payload = new URLSearchParams({ profile: deep.jsonProfile(n), step: 'basics', lang, name: 'x', uscc: USCC }).toString();
        const res = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect(res.statusCode, `${url} ${n}`).toBe(400);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain(words);
        expect(res.body).not.toMatch(STACK);
      }
    }
  });

  it('a deeply nested profile file uploaded on the page is refused with the file and the limit named (422)', async () => {
    const boundary = '----huiqi-depth';
    for (const [name, content] of [
      ['deep.json', deep.jsonObjects(30_000)],
      ['deep.yaml', deep.yamlFlow(3_000)],
      ['block.yaml', deep.yamlBlock(300)],
    ] as const) {
      const payload = `--${boundary}\r\ncontent-disposition: form-data; name="profile"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
      const res = await app.inject({ method: 'POST', url: '/upload', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(res.statusCode, name).toBe(422);
      expect(res.body).toContain(name);
      expect(res.body).toMatch(limitNamed);
    }
  });
});
