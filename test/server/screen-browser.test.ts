// The batch page in Chromium (npm-shipped), on the real server: an XLSX list comes back as an XLSX
// workbook, a CSV result keeps its UTF-8 BOM (the bytes the server sent, not text rebuilt by the script),
// and the zh page's result has Chinese column headers, the en page's English ones.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenList } from '../../src/batch/run.ts';
import { columnWords, outputColumns } from '../../src/batch/write.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { closeBrowser, newPage, screenshot } from '../support/browser.ts';
import { tempDir } from '../support/temp.ts';

let server: FastifyInstance;
let url: string;
beforeAll(async () => {
  server = await buildServer({ rules: loadRuleSet(), asOf: '2025-06-30' });
  url = await server.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await closeBrowser();
  await server.close();
}, 60_000);

/** Uploads `file` on the batch page and waits for the result; returns the downloaded bytes and the file name offered. */
async function screenOnPage(page: Page, file: string, previous?: string): Promise<{ bytes: Buffer; name: string | null }> {
  if (previous) await ((await page.$('#f-previous')) as ElementHandle<HTMLInputElement>).uploadFile(previous);
  const input = await page.$('#f-list');
  await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
  await page.click('#screen-form button[type=submit]');
  await page.waitForSelector('#screen-done:not([hidden]), #screen-error:not([hidden])', { timeout: 90_000 });
  expect(await page.$eval('#screen-error', (e) => (e as HTMLElement).hidden), await page.$eval('#screen-error', (e) => e.textContent ?? '')).toBe(true);
  // The download as a person gets it: a click on the link, the file saved by the browser.
  const folder = tempDir('download');
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
  const name = await page.$eval('#screen-download', (a) => a.getAttribute('download'));
  await page.click('#screen-download');
  const saved = join(folder, name ?? '');
  for (let i = 0; i < 300 && !(existsSync(saved) && !readdirSync(folder).some((f) => f.endsWith('.crdownload'))); i++) await new Promise((r) => setTimeout(r, 100));
  await cdp.detach();
  return { bytes: readFileSync(saved), name };
}

describe('the batch page downloads', () => {
  it('an XLSX list as an XLSX workbook with Chinese headers on the zh page, every row', async () => {
    const page = await newPage();
    await page.goto(`${url}/screen`);
    expect(await page.$eval('input[name=format][value=csv]', (e) => (e as HTMLInputElement).checked)).toBe(true);
    const { bytes, name } = await screenOnPage(page, 'samples/enterprises.xlsx');
    expect(await page.$eval('input[name=format][value=xlsx]', (e) => (e as HTMLInputElement).checked)).toBe(true); // chosen with the file
    expect(name).toBe('enterprises-screened.xlsx');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(outputColumns.map((c) => columnWords[c].zh));
    expect(sheet.rowCount).toBe(301);
    expect(await page.$eval('#screen-progress', (e) => e.textContent)).toMatch(/^已接收 \d+ KB$/);
    await screenshot(page, 'screen-xlsx-result');
    await page.close();
  }, 180_000);

  it('a CSV result with its UTF-8 BOM and Chinese headers, the rows with errors listed by row number', async () => {
    const page = await newPage();
    await page.goto(`${url}/screen`);
    const { bytes, name } = await screenOnPage(page, 'samples/enterprises.csv');
    expect(name).toBe('enterprises-screened.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(outputColumns.map((c) => columnWords[c].zh).join(','));
    expect(await page.$eval('#screen-progress', (e) => e.textContent)).toBe('已接收 300 行');
    const bad = await page.$$eval('#screen-bad-rows li', (list) => list.map((e) => e.getAttribute('data-row')));
    expect(bad).toHaveLength(12);
    expect(bad[0]).toBe('9');
    await page.close();
  }, 180_000);

  it('compares with a previous result uploaded beside the list: the clients with a change listed, the reasons in the download', async () => {
    const previous = join(tempDir('previous'), 'march-2024.csv');
    await screenList({
      input: 'samples/enterprises.csv',
      output: previous,
      outputFormat: 'csv',
      rules: loadRuleSet(),
      asOf: '2024-03-30',
      lang: 'zh',
      stderr: { write: () => true } as unknown as NodeJS.WritableStream,
    });
    const page = await newPage();
    await page.goto(`${url}/screen`);
    const { bytes } = await screenOnPage(page, 'samples/enterprises.csv', previous);
    const text = bytes.toString('utf8');
    const changed = await page.$$eval('#screen-changed li', (list) => list.map((e) => e.textContent ?? ''));
    const rowsChanged = (parse(text, { columns: true, bom: true }) as Record<string, string>[]).filter((r) => r.新增措施编号 || r.失去措施编号).length;
    expect(changed.length).toBeGreaterThan(0);
    expect(changed).toHaveLength(rowsChanged);
    expect(changed[0]).toBe('第 2 行 重庆程泰国际贸易有限公司：+gacc-2024-66/new-accounts-are-e-accounts');
    expect(text.split('\r\n')[0]!.endsWith(',比对,新增措施编号,失去措施编号,变化原因')).toBe(true);
    expect(text).toContain('gacc-2024-66/new-accounts-are-e-accounts: 已生效：自2024-07-01起施行');
    await screenshot(page, 'screen-compare-result');
    await page.close();
  }, 180_000);

  it('says so when the previous result is of another list', async () => {
    const folder = tempDir('previous');
    const other = join(folder, 'other-list.csv');
    writeFileSync(join(folder, 'other.csv'), '企业名称,统一社会信用代码\n别的公司,91110000MA00000019\n');
    await screenList({
      input: join(folder, 'other.csv'),
      output: other,
      outputFormat: 'csv',
      rules: loadRuleSet(),
      asOf: '2025-06-30',
      lang: 'zh',
      stderr: { write: () => true } as unknown as NodeJS.WritableStream,
    });
    const page = await newPage();
    await page.goto(`${url}/screen`);
    await screenOnPage(page, 'samples/enterprises.csv', other);
    expect(await page.$$eval('#screen-changed li.error', (list) => list.map((e) => e.textContent))).toEqual([
      '上次的筛查结果与本名单没有一行对得上（按统一社会信用代码或企业名称）：是否是另一份名单的结果？',
    ]);
    await page.close();
  }, 180_000);

  it('English headers on the en page', async () => {
    const page = await newPage();
    await page.goto(`${url}/screen?lang=en`);
    const { bytes } = await screenOnPage(page, 'samples/enterprises.csv');
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(outputColumns.join(','));
    expect(await page.$eval('#screen-progress', (e) => e.textContent)).toBe('received 300 rows');
    await page.close();
  }, 180_000);
});
