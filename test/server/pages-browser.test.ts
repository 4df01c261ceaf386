// The self-check page in a real browser (Chromium from npm), against the pages plugin on a listening server:
// samples clicked through step by step, with JavaScript on and off, at 375 px; the statuses shown must equal
// those of `huiqi check --format json` for the profile the page built; the 127号 incident form; the XSS name;
// and the batch page on the real server (buildServer) with a list that has broken rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../src/profile/enterprise.ts';
import { loadProfile, parseProfile } from '../../src/profile/load.ts';
import { checkJson } from '../../src/report/check-report.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { closeBrowser, fontsUsedFor, newPage, screenshot } from '../support/browser.ts';
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

/** A fact value as a form field takes it. */
function formValue(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(',') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Sets fields of a form in one go: a radio by value, a select or input by value (works with JavaScript off too). */
async function fill(page: Page, form: string, values: Record<string, string>): Promise<void> {
  const missing = await page.$eval(form, (f, values) => {
    const problems: string[] = [];
    for (const [name, value] of Object.entries(values)) {
      const fields = [...f.querySelectorAll(`[name="${name}"]`)] as HTMLInputElement[];
      if (fields[0]?.type === 'radio') {
        const option = fields.find((r) => r.value === value);
        if (option) option.checked = true;
        else problems.push(`${name}=${value}`);
      } else if (fields[0]) {
        fields[0].value = value;
        if (fields[0].value !== value) problems.push(`${name}=${value}`);
      } else problems.push(name);
    }
    return problems;
  }, values);
  expect(missing, 'fields or options not found').toEqual([]);
}

async function submit(page: Page, form: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`${form} button[type=submit]`)]);
}

/** Step 1, typed in: name, USCC, province and customs credit status. */
async function basics(page: Page, sample: Enterprise, lang: 'zh' | 'en' = 'zh'): Promise<void> {
  await page.goto(`${base}/?lang=${lang}`);
  await page.type('#f-name', sample.name);
  await page.type('#f-uscc', sample.uscc);
  if (sample.province) await page.select('#f-province', sample.province);
  if (sample.customsCredit) await page.select('#f-customsCredit', sample.customsCredit);
  await submit(page, '#basics form');
  expect(await page.$('#results'), 'results after the first step').not.toBeNull();
}

/** Clicks a self-check through with a sample's facts: basics, each incident, then every question the page asks. */
async function selfCheck(page: Page, sample: Enterprise, raw: Record<string, unknown>): Promise<number> {
  await basics(page, sample);

  for (const incident of sample.incidents) {
    const own = (raw.incidents as Record<string, unknown>[]).find((i) => i.id === incident.id)!;
    await page.click('#incident summary');
    const values = Object.fromEntries(Object.entries(own).filter(([fact]) => fact !== 'kind').map(([fact, value]) => [`inc.${fact}`, formValue(value)]));
    await fill(page, '#incident form', values);
    await submit(page, '#incident form');
    expect(await page.$(`[id="incident-result-${incident.id}"]`), `result for ${incident.id}`).not.toBeNull();
  }

  let steps = 0;
  for (; steps < 40 && (await page.$('#questions input[name=asked]')); steps++) {
    const asked = JSON.parse(await page.$eval('#questions input[name=asked]', (e) => (e as HTMLInputElement).value)) as [string | null, string][];
    const topics = JSON.parse(await page.$eval('#questions input[name=topics]', (e) => (e as HTMLInputElement).value)) as string[];
    const known = (incidentId: string | null, fact: string) => {
      const source = incidentId === null ? raw : (raw.incidents as Record<string, unknown>[]).find((i) => i.id === incidentId);
      return source?.[fact];
    };
    const values: Record<string, string> = {};
    for (const [i, [incidentId, fact]] of asked.entries()) {
      const value = known(incidentId, fact);
      if (value !== undefined) values[`q${i}`] = formValue(value);
    }
    for (const [i, fact] of topics.entries()) if (raw[fact] !== undefined) values[`t${i}`] = formValue(raw[fact]);
    await fill(page, '#questions form', values);
    await submit(page, '#questions form');
    expect(await page.$('.errors'), await page.$eval('body', (b) => b.textContent ?? '')).toBeNull();
  }
  expect(await page.$eval('#questions', (e) => e.textContent)).toMatch(/目前没有需要回答的问题|Nothing left to ask/);
  return steps;
}

/** What the page shows: every result's status, keyed by rule and incident. */
async function statusesShown(page: Page): Promise<Record<string, string>> {
  const items = await page.$$eval('li.result', (list) => list.map((e) => [`${e.getAttribute('data-rule')}|${e.getAttribute('data-incident') ?? ''}`, e.getAttribute('data-status')!]));
  expect(new Set(items.map(([k]) => k)).size, 'each result shown once').toBe(items.length);
  return Object.fromEntries(items);
}

/** The statuses of `huiqi check --format json --all` (the command's own functions and default evaluator), keyed by rule and incident. */
async function checkStatuses(profile: Enterprise): Promise<Record<string, string>> {
  const json = JSON.parse(checkJson({ profile, results: await rules.evaluator.evaluateProfile(profile, { asOf: ASOF }), asOf: ASOF, lang: 'zh', all: true })) as {
    results: { ruleId: string; incidentId?: string; status: string }[];
  };
  return Object.fromEntries(json.results.map((r) => [`${r.ruleId}|${r.incidentId ?? ''}`, r.status]));
}

/** The profile the page holds (the hidden field the downloads use) and its `huiqi check` statuses. */
async function checkOfPageProfile(page: Page): Promise<{ data: Record<string, unknown>; statuses: Record<string, string> }> {
  const data = JSON.parse(await page.$eval('#basics input[name=profile]', (e) => (e as HTMLInputElement).value)) as Record<string, unknown>;
  return { data, statuses: await checkStatuses(parseProfile(data)) };
}

/** Every fact the page collected is the sample's own value (nothing invented on the way). */
function expectSubsetOfSample(data: Record<string, unknown>, sample: Enterprise) {
  const page = parseProfile(data);
  for (const [fact, value] of Object.entries(page)) {
    if (fact === 'incidents') continue;
    expect(value, fact).toEqual(sample[fact as keyof Enterprise]);
  }
  for (const incident of page.incidents) {
    const own = sample.incidents.find((i) => i.id === incident.id)!;
    for (const [fact, value] of Object.entries(incident)) expect(value, `${incident.id}.${fact}`).toEqual(own[fact as keyof typeof own]);
  }
}

const yaml = async (file: string) => (await import('yaml')).parse((await import('node:fs')).readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('self-check page in a browser', () => {
  it('clicks the AEO manufacturer sample through (with its 127号 incident): statuses equal huiqi check --format json', async () => {
    const file = 'samples/aeo-manufacturer-chongqing.yaml';
    const sample = loadProfile(file);
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    const steps = await selfCheck(page, sample, await yaml(file));
    expect(steps).toBeGreaterThan(0);

    const { data, statuses } = await checkOfPageProfile(page);
    expectSubsetOfSample(data, sample);
    expect(await statusesShown(page)).toEqual(statuses);

    // The incident form's result: disclosed ~8 months after the violation, within 2 years, shortfall under 30 %.
    const incident = '[id="incident-result-TAX-2024-01"]';
    const status = (rule: string) => page.$eval(`${incident} li.result[data-rule="${rule}"]`, (e) => e.getAttribute('data-status'));
    expect(await status('gacc-2023-127/no-penalty-tax-within-2-years')).toBe('eligible');
    expect(await status('gacc-2023-127/no-penalty-tax-within-6-months')).toBe('ineligible');
    expect(await page.$eval(`${incident} li.result[data-rule="gacc-2023-127/no-penalty-tax-within-2-years"]`, (e) => e.textContent)).toContain('海关总署公告2023年第127号');
    await screenshot(page, 'self-check-results-zh', { fullPage: false });

    // The profile the page offers for download loads as the CLI loads a file, and checks the same.
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-pages-'));
    const download = await fetch(`${base}/download/profile`, { method: 'POST', body: new URLSearchParams({ profile: JSON.stringify(data), format: 'yaml' }) });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    writeFileSync(join(dir, 'profile.yaml'), await download.text());
    expect((await checkStatuses(loadProfile(join(dir, 'profile.yaml'))))).toEqual(statuses);
    rmSync(dir, { recursive: true, force: true });
    expect(dialogs).toEqual([]);
    await page.close();
  }, 240_000);

  it('reads at 375 px in English: the first step and its results fit the width', async () => {
    const sample = loadProfile('samples/jiangsu-cross-border-ecommerce.yaml');
    const page = await newPage({ width: 375, height: 800 });
    await basics(page, sample, 'en');
    expect(await page.$eval('html', (e) => e.lang)).toBe('en');
    expect(await page.$eval('#results-h', (e) => e.textContent)).toBe('Result');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'self-check-375px', { fullPage: false });
    await page.close();
  }, 60_000);

  it('completes a self-check with JavaScript disabled (the registered exporter and its planned disclosure)', async () => {
    const file = 'samples/registered-exporter-planning-disclosure.yaml';
    const sample = loadProfile(file);
    const page = await newPage({ javaScript: false });
    await selfCheck(page, sample, await yaml(file));
    const { statuses } = await checkOfPageProfile(page);
    expect(await statusesShown(page)).toEqual(statuses);
    // Deadlines as in huiqi report: the last day to disclose within 6 months of the violation (2025-03-31).
    expect(await page.$eval('#deadlines', (e) => e.textContent)).toContain('2025-09-30');
    // The questions left empty can be taken up again: the disclosure date still decides this incident.
    await submit(page, '#questions form');
    const asked = JSON.parse(await page.$eval('#questions input[name=asked]', (e) => (e as HTMLInputElement).value)) as [string | null, string][];
    expect(asked).toContainEqual(['TAX-2025-03', 'disclosureDate']);
    await screenshot(page, 'self-check-no-javascript', { fullPage: false });
    await page.close();
  }, 240_000);

  it('shows the name <script>alert(1)</script> as text, and checks the USCC as it is typed', async () => {
    const page = await newPage();
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    await page.goto(`${base}/`);
    // Under the server's content security policy the stylesheet and the font apply.
    expect(await page.$eval('h1', (e) => getComputedStyle(e).fontFamily)).toMatch(/^"Noto Sans SC"/);
    await page.evaluate(() => document.fonts.ready);
    expect(await fontsUsedFor(page, 'h1')).toEqual([expect.objectContaining({ familyName: expect.stringMatching(/^Noto Sans SC/), isCustomFont: true })]);
    await screenshot(page, 'self-check-start');
    await page.type('#f-uscc', '91500000MA61LJ7Q2X');
    expect(await page.$eval('#uscc-live', (e) => e.textContent)).toContain('K');
    await page.$eval('#f-uscc', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#f-uscc', '91500000MA61LJ7Q2K');
    expect(await page.$eval('#uscc-live', (e) => e.textContent)).toBe('校验码正确');
    await page.type('#f-name', '<script>alert(1)</script>');
    await submit(page, '#basics form');
    expect(await page.$eval('#results .meta', (e) => e.textContent)).toContain('<script>alert(1)</script>');
    expect(await page.title()).toContain('<script>alert(1)</script>');
    expect(await page.$$eval('script', (list) => list.map((s) => s.getAttribute('src')))).toEqual(['/assets/self-check.js']);
    expect(dialogs).toEqual([]);
    expect(consoleErrors, 'nothing blocked by the content security policy, no script error').toEqual([]);
    await page.close();
  }, 120_000);

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
    expect(bad[0]![1]).toMatch(/^第 3 行：.*check character is "X" but GB 32100-2015 gives "K"/);
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
