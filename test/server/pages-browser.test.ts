// The batch page in a real browser (Chromium from npm): rendered by the pages plugin, and on the real server
// (buildServer) with a list that has broken rows. The self-check page is clicked through on the built server
// in ./pages-built.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { closeBrowser, newPage, screenshot } from '../support/browser.ts';
import { pagesServer } from './pages-support.ts';

const ASOF = '2025-06-30';
const rules = loadRuleSet();
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = await pagesServer(rules, ASOF);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await closeBrowser();
  await app.close();
}, 60_000);

describe('batch page in a browser', () => {
  it('renders the batch page', async () => {
    const page = await newPage();
    await page.goto(`${base}/screen`);
    expect(await page.$eval('label[for=f-list]', (e) => e.textContent)).toBe('企业名单文件');
    await screenshot(page, 'screen');
    await page.close();
  }, 60_000);
});

describe('batch page in a browser, on the real server (buildServer: the API and the pages)', () => {
  let server: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    server = await buildServer({ rules, asOf: ASOF });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(() => server.close(), 60_000);

  it('uploads a list with broken rows: progress, the bad rows by row number, the result to download', async () => {
    const list = [
      '企业名称,统一社会信用代码,所在省份,海关信用等级',
      '重庆两江智联进出口有限公司,91500000MA61LJ7Q2K,重庆市,registered',
      '校验码错误公司,91500000MA61LJ7Q2X,重庆,registered',
      '信用等级错误公司,91320594MA1X7P6L2C,江苏,AA',
      '苏州苏航跨境供应链有限公司,91320594MA1X7P6L2C,江苏省,advanced',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-screen-page-'));
    const file = join(dir, 'list.csv');
    writeFileSync(file, `${list}\n`);
    const page = await newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    await page.goto(`${url}/screen`);
    const input = await page.$('#f-list');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    await page.click('#screen-form button[type=submit]');
    await page.waitForSelector('#screen-done:not([hidden]), #screen-error:not([hidden])', { timeout: 60_000 });
    expect(await page.$eval('#screen-error', (e) => (e as HTMLElement).hidden), await page.$eval('#screen-error', (e) => e.textContent ?? '')).toBe(true);
    expect(await page.$eval('#screen-progress', (e) => e.textContent)).toBe('已接收 4 行');
    const bad = await page.$$eval('#screen-bad-rows li', (list) => list.map((e) => [e.getAttribute('data-row'), e.textContent ?? '']));
    expect(bad.map(([row]) => row)).toEqual(['3', '4']);
    // The zh page's list says each row's problem in Chinese, as the table it downloads does.
    expect(bad[0]![1]).toMatch(/^第 3 行：统一社会信用代码 \(uscc\)：校验码为“X”，按 GB 32100-2015/);
    expect(bad[0]![1]).not.toMatch(/check character/);
    expect(bad[1]![1]).toMatch(/^第 4 行：.*customsCredit/);
    // The result (rows out = rows in, counted above) is offered as a download under the API's file name.
    expect(await page.$eval('#screen-download', (a) => (a as HTMLAnchorElement).href)).toMatch(/^blob:/);
    expect(await page.$eval('#screen-download', (a) => a.getAttribute('download'))).toBe('list-screened.csv');
    await screenshot(page, 'screen-result');
    expect(consoleErrors).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  }, 120_000);
});
