// The words a clerk uses for an enum value, read by one reader (values.ts readEnumWord, run by the profile
// schema) wherever a value is read: a profile file, the API, the self-check page, a list cell and an
// answer to `huiqi ask`; and the schema's messages in the page's language (no English sentence on the zh page).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EXIT } from '../../cli/exit-codes.ts';
import { parseAnswer } from '../../src/ask/questions.ts';
import { builtinColumns, convertCell } from '../../src/batch/columns.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { messageIn } from '../../src/profile/messages.ts';
import { builtinProfileSchema } from '../../src/profile/validate.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { tempDir } from '../support/temp.ts';

const USCC = '91500103MA5UQ1001H';
const base = { name: '重庆渝中小商贸有限公司', uscc: USCC, province: 'chongqing' };
const ASOF = '2025-06-30';
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ rules: loadRuleSet(), asOf: ASOF });
}, 60_000);
afterAll(() => app.close());

const form = (fields: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/', payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
/** The text of the page's error messages, without the values they echo (the user's own words). */
const errorTexts = (html: string) =>
  [...html.matchAll(/<p class="error"[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]!.replace(/（输入为 [^）]*）/g, '').replace(/&quot;[^&]*&quot;/g, ''));

describe('the customs credit status in the words a clerk uses', () => {
  const words = {
    高级认证企业: 'advanced',
    失信企业: 'dishonest',
    一般信用企业: 'registered',
    一般信用: 'registered',
    其他注册登记和备案企业: 'registered',
    'Dishonest Enterprise': 'dishonest',
  };

  it('a profile file takes 高级认证企业, 失信企业 and 一般信用企业 (read as registered)', () => {
    const dir = tempDir('words');
    for (const [word, value] of Object.entries(words)) {
      const file = join(dir, 'p.yaml');
      writeFileSync(file, `name: 测试企业\nuscc: ${USCC}\ncustomsCredit: ${word}\n`);
      expect(loadProfile(file).customsCredit).toBe(value);
    }
  });

  it('the API takes them in a request body', async () => {
    for (const [word, value] of Object.entries(words)) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/check?asOf=${ASOF}`, payload: { ...base, customsCredit: word } });
      expect(res.statusCode, word).toBe(200);
      expect(builtinProfileSchema.safeParse({ ...base, customsCredit: word }).data?.customsCredit).toBe(value);
    }
  });

  it('a list cell takes them', () => {
    const column = builtinColumns.fieldForHeader('海关信用等级')!;
    for (const [word, value] of Object.entries(words)) expect(convertCell(column, word)).toBe(value);
  });

  it('an answer to huiqi ask takes them', () => {
    const question = { fact: 'customsCredit', label: { zh: '海关信用等级', en: 'customs credit status' } };
    for (const [word, value] of Object.entries(words)) expect(parseAnswer(question, word)).toBe(value);
  });

  it('the page offers 一般信用企业 beside the level it is read as, with what it means now', async () => {
    const page = await app.inject('/');
    expect(page.body).toContain('其他注册登记和备案企业（一般信用企业）');
    expect(page.body).toContain('现行海关信用管理只认定高级认证企业和失信企业');
    const res = await form({ step: 'basics', profile: '{}', skipped: '[]', lang: 'zh', ...base, customsCredit: 'advanced' });
    expect(res.statusCode).toBe(200);
  });

  it('a word that is no level is refused, naming the levels in words', () => {
    const parsed = builtinProfileSchema.safeParse({ ...base, customsCredit: '一般' });
    expect(parsed.success).toBe(false);
    const message = parsed.error!.issues[0]!.message;
    expect(messageIn(message, 'zh')).toBe('请从以下选项中选择：高级认证企业、其他注册登记和备案企业、失信企业（输入为 "一般"）');
    expect(message).toContain('advanced (高级认证企业)');
  });
});

describe('messages in the page language', () => {
  it('the zh page says what is wrong with a USCC, a province and a name in Chinese only', async () => {
    const cases = [
      { uscc: '915001' }, // too short
      { uscc: `${USCC.slice(0, 17)}X` }, // wrong check character
      { uscc: 'I1500103MA5UQ1001H' }, // a letter the code never uses
      { name: ' ' },
      { province: '火星' },
    ];
    for (const c of cases) {
      const res = await form({ step: 'basics', profile: '{}', skipped: '[]', lang: 'zh', ...base, ...c });
      expect(res.statusCode, JSON.stringify(c)).toBe(422);
      const texts = errorTexts(res.body);
      expect(texts.length, JSON.stringify(c)).toBeGreaterThan(0);
      // No English word (GB, the standard's name, aside).
      for (const text of texts) expect(text.replace(/GB 32100-2015|I、O、S、V、Z/g, ''), text).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('the en page keeps the English message', async () => {
    const res = await form({ step: 'basics', profile: '{}', skipped: '[]', lang: 'en', ...base, uscc: '915001' });
    expect(res.body).toContain('is not a valid 统一社会信用代码: must have 18 characters, has 6');
  });

  it('a problem of a file and its fields, line by line, in Chinese', () => {
    expect(
      messageIn(
        'p.yaml: invalid profile:\n  uscc: is required\n  customsCredit: must be one of: advanced (高级认证企业), registered (其他注册登记和备案企业), dishonest (失信企业) (got "x")',
        'zh',
      ),
    ).toBe('p.yaml：企业信息有误：\n  uscc：必填\n  customsCredit：请从以下选项中选择：高级认证企业、其他注册登记和备案企业、失信企业（输入为 "x"）');
  });

  it('huiqi check --lang zh says what is wrong with a profile in Chinese, the file and fields named', () => {
    const dir = tempDir('words');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `name: 测试企业\nuscc: ${USCC.slice(0, 17)}X\ncustomsCredit: 金牌\n`);
    const run = spawnSync(process.execPath, ['bin/huiqi.js', 'check', file, '--lang', 'zh'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(EXIT.invalidInput);
    expect(run.stderr).toContain('企业信息有误');
    expect(run.stderr).toContain('customsCredit：请从以下选项中选择：高级认证企业、其他注册登记和备案企业、失信企业（输入为 "金牌"）');
    const said = run.stderr
      .replace(/^huiqi: /, '')
      .replace(file, '')
      .replace(/\b(uscc|customsCredit)：/g, '')
      .replace(/GB 32100-2015/g, '');
    expect(said).not.toMatch(/[A-Za-z]{2,}/);
  }, 60_000);
});

describe('every choice a person is offered has words', () => {
  it('each value of every enum and checklist fact has Chinese and English words (a page never shows a code)', () => {
    const missing = loadRuleSet()
      .catalog.all.filter((f) => !f.derived && f.values?.length)
      .flatMap((f) => f.values!.filter((v) => !f.valueWords?.[v]?.zh || !f.valueWords?.[v]?.en).map((v) => `${f.name}: ${v}`));
    expect(missing).toEqual([]);
  });
});
