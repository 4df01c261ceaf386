// The API reads a profile's bytes as the CLI reads a file (src/io/encoding.ts): a charset the Content-Type
// declares decides; else a BOM; else UTF-8; else GB18030, with a Huiqi-Input-Warning header saying so.
// Bytes invalid in the encoding chosen are a 400 naming the first bad byte. Never a replacement character
// (U+FFFD) in a name, in any answer.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { gb18030 } from '../fixtures/encodings.ts';

const USCC = '91500000MA5U00000W';
const NAME = '重庆两江测试进出口有限公司';
const yaml = `name: ${NAME}\nuscc: ${USCC}\nprovince: chongqing\n`;
const json = JSON.stringify({ name: NAME, uscc: USCC, province: 'chongqing' });
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ rules: loadRuleSet('test/fixtures/gap/rules.yaml'), asOf: '2025-06-30' });
}, 60_000);
afterAll(() => app.close());

const post = (url: string, payload: Buffer, type: string) => app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });

describe('profile bytes posted to the API', () => {
  it('GBK bytes without a charset are read as GB18030, with a warning header; the name arrives whole', async () => {
    for (const [type, text] of [
      ['application/yaml', yaml],
      ['application/json', json],
    ] as const) {
      for (const url of ['/api/v1/check', '/api/v1/report?format=markdown']) {
        const res = await post(url, gb18030(text), type);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['huiqi-input-warning']).toMatch(/^body: not valid UTF-8; read as GB18030/);
        expect(res.body).toContain(NAME);
        expect(res.body).not.toContain('\uFFFD');
      }
    }
  });

  it('a declared charset decides (gbk, gb18030, utf-16), without a warning', async () => {
    for (const [charset, bytes] of [
      ['gbk', gb18030(yaml)],
      ['GB18030', gb18030(yaml)],
      ['utf-16le', Buffer.from(yaml, 'utf16le')],
      ['utf-8', Buffer.from(yaml)],
    ] as const) {
      const res = await post('/api/v1/report?format=markdown', bytes, `application/yaml; charset=${charset}`);
      expect(res.statusCode, `${charset}: ${res.body}`).toBe(200);
      expect(res.headers['huiqi-input-warning']).toBeUndefined();
      expect(res.body).toContain(NAME);
    }
    const bom = await post('/api/v1/check', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), 'application/json');
    expect(bom.statusCode, bom.body).toBe(200);
  });

  it('invalid UTF-8 declared as UTF-8 is a 400 naming the byte, never U+FFFD in the name', async () => {
    const bytes = Buffer.concat([Buffer.from('name: 重庆'), Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from(`公司\nuscc: ${USCC}\n`)]);
    const res = await post('/api/v1/check', bytes, 'application/yaml; charset=utf-8');
    expect(res.statusCode).toBe(400);
    const problem = res.json() as { title: string; detail: string };
    expect(problem.title).toBe('Undecodable body');
    expect(problem.detail).toMatch(/^body: not valid UTF-8 \(at byte 13: 0x28; a charset parameter of Content-Type chooses the encoding\)/);
    expect(res.body).not.toContain('\uFFFD');
  });

  it('bytes invalid in UTF-8 and in GB18030 alike are a 400 naming the byte', async () => {
    const bytes = Buffer.concat([Buffer.from(`{"uscc":"${USCC}","name":"`), Buffer.from([0xff, 0xff, 0xff]), Buffer.from('"}')]);
    for (const url of ['/api/v1/check', '/api/v1/report', '/api/v1/questions']) {
      const res = await post(url, bytes, 'application/json');
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as { detail: string }).detail).toMatch(/^body: not valid GB18030 \(at byte 37: 0xff;/);
      expect(res.body).not.toContain('\uFFFD');
    }
  });

  it('the page upload reads a GBK profile file the same way', async () => {
    const B = 'b0undary';
    const payload = Buffer.concat([
      Buffer.from(`--${B}\r\ncontent-disposition: form-data; name="profile"; filename="p.yaml"\r\ncontent-type: application/octet-stream\r\n\r\n`),
      gb18030(yaml),
      Buffer.from(`\r\n--${B}--\r\n`),
    ]);
    const res = await app.inject({ method: 'POST', url: '/upload', payload, headers: { 'content-type': `multipart/form-data; boundary=${B}` } });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.body).toContain(NAME);
    expect(res.body).not.toContain('\uFFFD');
  });
});
