// The self-check page as users get it: `huiqi serve` from the build (the bundle `npm ci` writes to dist/bundle/,
// with the page script bin/build-assets.js writes to dist/assets/), in Chromium, clicked through by a clerk's
// personas — a small domestic trader in Chongqing, an AEO manufacturer in a zone (with its 127号 incident), a
// cross-border e-commerce exporter, and a trader whose disclosure falls after 127号 expired — in Chinese and
// English, JavaScript on and off, at 375 px and on a desktop. What the page lists must be what `huiqi check`
// groups (groups.ts personResult), each headline count what is listed under it, each badge its group's word.
// Screenshots go to test-output/ for people to look at.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseProfile } from '../../src/profile/load.ts';
import { normalizeProvince } from '../../src/profile/provinces.ts';
import { groupWords, personResult } from '../../src/report/groups.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { builtAfter } from '../../src/io/freshness.js';
import { closeBrowser, newPage, screenshot, testOutputDir } from '../support/browser.ts';

const ASOF = '2025-12-01';
const root = resolve('.');
const rules = loadRuleSet();

/** Whether a build output is no older than the sources it is made from (the page's scripts and styles among them). */
const isBuilt = (file: string) => builtAfter(file, [join(root, 'src'), join(root, 'cli')], (path) => /\.(ts|js|css)$/.test(path));

let server: ChildProcess;
let base: string;
let ownBundle: string | undefined;

beforeAll(async () => {
  // What `npm ci` built, when it is as new as the sources; else built now the same way (a bundle of this test's own).
  if (!isBuilt(join(root, 'dist', 'assets', 'self-check.js'))) execFileSync(process.execPath, ['bin/build-assets.js'], { cwd: root, stdio: 'inherit' });
  let bundle = join(root, 'dist', 'bundle', 'huiqi.js');
  if (!isBuilt(bundle)) {
    ownBundle = join(root, 'dist', `bundle-pages-${process.pid}`);
    execFileSync(process.execPath, ['bin/bundle-cli.js', ownBundle], { cwd: root, stdio: 'inherit' });
    bundle = join(ownBundle, 'huiqi.js');
  }
  server = spawn(process.execPath, [bundle, 'serve', '--port', '0', '--as-of', ASOF], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+?)\/ /.exec(out)?.[1];
      if (url) ok(url);
    });
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    server.on('exit', (code) => fail(new Error(`huiqi serve exited ${code}: ${out}`)));
  });
}, 180_000);

afterAll(async () => {
  await closeBrowser();
  server?.kill('SIGTERM');
  if (ownBundle) rmSync(ownBundle, { recursive: true, force: true });
}, 60_000);

type Raw = Record<string, unknown> & { incidents?: Record<string, unknown>[] };

/** A small trading company in Chongqing: domestic, registered credit, in no zone, no e-commerce. */
const smallTrader: Raw = {
  name: '重庆渝兴商贸有限公司',
  uscc: '91500103MA60XK2L1T',
  province: 'chongqing',
  customsCredit: 'registered',
  enterpriseSize: 'small',
  foreignTradeEnterprise: true,
  foreignInvested: false,
  inComprehensiveBondedZone: false,
  crossBorderEcommerceEnterprise: false,
  // The situations checklist the page asks first, ticked as the trader would: it imports and exports, nothing else.
  situations: ['exports', 'imports'],
  pendingMatters: [],
};
/** The same trader, with a tax shortfall disclosed after 海关总署公告2023年第127号 expired (2025-10-10). */
const lateDiscloser: Raw = {
  ...smallTrader,
  incidents: [
    {
      id: 'TAX-2025-11',
      kind: 'customs-violation',
      category: 'tax',
      violationDate: '2025-06-02',
      disclosureDate: '2025-11-20',
      discoveredByCustoms: false,
      correctedInTime: true,
      writtenReport: true,
      underpaidTax: 42000,
      taxPayable: 380000,
    },
  ],
};
const sample = (file: string) => parseYaml(readFileSync(file, 'utf8')) as Raw;

/** A fact value as a form field takes it. */
function formValue(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(',') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

async function fill(page: Page, form: string, values: Record<string, string>): Promise<void> {
  const missing = await page.$eval(
    form,
    (f, values) => {
      const problems: string[] = [];
      for (const [name, value] of Object.entries(values)) {
        const fields = [...f.querySelectorAll(`[name="${name}"]`)] as HTMLInputElement[];
        if (fields[0]?.type === 'radio') {
          const option = fields.find((r) => r.value === value);
          if (option) option.checked = true;
          else problems.push(`${name}=${value}`);
        } else if (fields[0]?.type === 'checkbox') {
          // A checklist: each listed item ticked ('none' is the 以上都不是 box).
          for (const item of value.split(',')) {
            const box = fields.find((c) => c.value === item);
            if (box) box.checked = true;
            else problems.push(`${name}=${item}`);
          }
        } else if (fields[0]) {
          fields[0].value = value;
          if (fields[0].value !== value) problems.push(`${name}=${value}`);
        } else problems.push(name);
      }
      return problems;
    },
    values,
  );
  expect(missing, 'fields or options not found').toEqual([]);
}

async function submit(page: Page, form: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`${form} button[type=submit]`)]);
}

/**
 * Clicks a persona through: the basics typed in, each incident, then every question and situation the page asks,
 * answered from the persona's facts (a fact it does not state is left empty, which skips it). Returns the steps.
 */
async function clickThrough(page: Page, raw: Raw, lang: 'zh' | 'en', o: { javaScript: boolean }): Promise<number> {
  await page.goto(`${base}/?lang=${lang}`);
  await page.type('#f-name', String(raw.name));
  await page.type('#f-uscc', String(raw.uscc));
  // The select's values are the province ids; a profile may name it 重庆市.
  await page.select('#f-province', String(normalizeProvince(raw.province)));
  await page.select('#f-customsCredit', String(raw.customsCredit));
  await submit(page, '#basics form');
  expect(await page.$('#results'), 'results after the first step').not.toBeNull();
  await expectFocusOnNew(page, o);

  for (const incident of raw.incidents ?? []) {
    await page.click('#incident summary');
    const values = Object.fromEntries(
      Object.entries(incident)
        .filter(([fact]) => fact !== 'kind')
        .map(([fact, value]) => [`inc.${fact}`, formValue(value)]),
    );
    await fill(page, '#incident form', values);
    await submit(page, '#incident form');
    expect(await page.$('.errors'), await page.$eval('body', (b) => b.textContent)).toBeNull();
    expect(await page.$(`[id="incident-result-${String(incident.id)}"]`)).not.toBeNull();
    await expectFocusOnNew(page, o);
  }

  // The first question is the situations checklist, as checkboxes in the page's language.
  expect(JSON.parse(await page.$eval('#questions input[name=asked]', (e) => (e as HTMLInputElement).value))[0]).toEqual([null, 'situations']);
  expect(await page.$eval('#q0-0', (e) => e.closest('label')?.textContent?.trim())).toBe(lang === 'zh' ? '出口货物' : 'exports goods');
  await screenshot(page, `built-checklist-${lang}-${o.javaScript ? 'js' : 'nojs'}`, { fullPage: false });
  let steps = 0;
  for (; steps < 40 && (await page.$('#questions input[name=asked]')); steps++) {
    const asked = JSON.parse(await page.$eval('#questions input[name=asked]', (e) => (e as HTMLInputElement).value)) as [string | null, string][];
    const known = (incidentId: string | null, fact: string) => (incidentId === null ? raw : raw.incidents?.find((i) => i.id === incidentId))?.[fact];
    const values: Record<string, string> = {};
    asked.forEach(([incidentId, fact], i) => {
      const value = known(incidentId, fact);
      if (value !== undefined) values[`q${i}`] = formValue(value);
    });
    await fill(page, '#questions form', values);
    await submit(page, '#questions form');
    expect(await page.$('.errors'), await page.$eval('body', (b) => b.textContent)).toBeNull();
    await expectFocusOnNew(page, o);
  }
  return steps;
}

/** After a submit the page opens at what is new (`#next`); with JavaScript, keyboard focus is there too. */
async function expectFocusOnNew(page: Page, o: { javaScript: boolean }) {
  expect(new URL(page.url()).hash).toBe('#next');
  expect(await page.$('#next'), 'the heading of what is new').not.toBeNull();
  if (o.javaScript) expect(await page.evaluate(() => document.activeElement?.id)).toBe('next');
}

/** After a submit with mistakes the page opens at the list of them (`#next`). */
async function expectFocusTarget(page: Page): Promise<boolean> {
  return new URL(page.url()).hash === '#next' && (await page.$eval('#next', (e) => e.closest('.errors') !== null));
}

/** What the page lists in a result block: group → ids, and the headline's counts, and each badge's text. */
async function shownGroups(page: Page, block: string) {
  return page.$eval(block, (el) => {
    const groups: Record<string, string[]> = {};
    const badges: Record<string, string[]> = {};
    // Only this block's own items: an incident's block inside the results is read on its own.
    const own = [...el.querySelectorAll('li.result')].filter((li) => li.closest('.incident-result') === (el.classList.contains('incident-result') ? el : null));
    for (const li of own) {
      const g = li.getAttribute('data-group')!;
      (groups[g] ??= []).push(`${li.getAttribute('data-rule')}|${li.getAttribute('data-incident') ?? ''}`);
      (badges[g] ??= []).push(li.querySelector('.status')!.textContent!);
    }
    const headline = [...el.querySelectorAll('p.summary')].find((p) => p.closest('.incident-result') === (el.classList.contains('incident-result') ? el : null))!.textContent!;
    return { groups, badges, headline };
  });
}

/** The groups `huiqi check` makes of the profile the page holds (the hidden field its forms carry). */
async function expectedGroups(page: Page) {
  const data = JSON.parse(await page.$eval('#basics input[name=profile]', (e) => (e as HTMLInputElement).value)) as Record<string, unknown>;
  const profile = parseProfile(data);
  const results = await rules.evaluator.evaluateProfile(profile, { asOf: ASOF });
  const ids = (list: { ruleId: string; incidentId?: string }[]) => list.map((r) => `${r.ruleId}|${r.incidentId ?? ''}`);
  const of = (own: typeof results) => {
    const p = personResult(own, profile, ASOF);
    const groups: Record<string, string[]> = {
      applies: ids(p.applies),
      exclusions: ids(p.exclusions),
      undetermined: ids(p.undetermined),
      rights: ids(p.rights),
      doesNotApply: ids(p.doesNotApply),
      expired: ids(p.expired.map((e) => e.r)),
      notYet: ids(p.notYet.map((e) => e.r)),
    };
    return Object.fromEntries(Object.entries(groups).filter(([, list]) => list.length));
  };
  return { profile, enterprise: of(results.filter((r) => r.incidentId === undefined)), incident: (id: string) => of(results.filter((r) => r.incidentId === id)) };
}

/** The page lists what check groups, the headline counts what is listed, every badge says its group. */
async function expectPersonResult(page: Page, lang: 'zh' | 'en') {
  const expected = await expectedGroups(page);
  const blocks: [string, Record<string, string[]>][] = [
    ['#results', expected.enterprise],
    ...expected.profile.incidents.map((i) => [`[id="incident-result-${i.id}"]`, expected.incident(i.id)] as [string, Record<string, string[]>]),
  ];
  const g = groupWords[lang];
  for (const [block, groups] of blocks) {
    const shown = await shownGroups(page, block);
    expect(shown.groups, block).toEqual(groups);
    for (const [group, list] of Object.entries(shown.groups)) {
      const word = group === 'rights' ? (lang === 'zh' ? '权利' : 'right') : g[group as 'applies'];
      expect(new Set(shown.badges[group]), `${block} ${group} badges`).toEqual(new Set([word]));
      const count = lang === 'zh' ? `${g[group as 'applies']} ${list.length} 项` : `${g[group as 'applies']}: ${list.length}`;
      expect(shown.headline, `${block} headline`).toContain(count);
    }
  }
  // Each measure that applies says who handles it (or that the document names none).
  const offices = await page.$$eval('#results li.result[data-group=applies] dl.next', (list) => list.map((dl) => dl.querySelector('dt')!.textContent));
  expect(offices.every((t) => t === g.handledBy)).toBe(true);
  return expected;
}

/** Visible text of the page that is English prose: three or more Latin words in a row (codes and ids aside). */
async function englishOnZhPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('code, [lang=en], form.lang, footer, input, select').forEach((e) => e.remove());
    // innerText of a detached clone has no layout: read the text of what is rendered, minus the removed parts.
    document.body.append(clone);
    clone.style.position = 'absolute';
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is wanted (textContent has hidden text and no line breaks)
    const text = clone.innerText;
    clone.remove();
    return text;
  });
  return text.match(/[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}/g) ?? [];
}

/** Pages of a PDF Chromium printed (A4), counted from its page objects. */
async function printedPages(page: Page, name: string): Promise<number> {
  const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: false }));
  mkdirSync(testOutputDir, { recursive: true });
  writeFileSync(join(testOutputDir, `${name}.pdf`), pdf);
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The elements that reach past the right edge, to say what overflows. */
const wider = (page: Page, width: number) =>
  page.evaluate(
    (w) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > w + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`)
        .slice(0, 5),
    width,
  );
const fits = (page: Page, width: number) => page.evaluate((w) => document.documentElement.scrollWidth <= w, width);

describe('the self-check page on the built server (huiqi serve from dist/)', () => {
  it('serves the built page script and it runs: the USCC is checked as it is typed', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(String(e)));
    await page.goto(`${base}/`);
    await page.type('#f-uscc', '91500103MA60XK2L1X');
    expect(await page.$eval('#uscc-live', (e) => e.textContent)).toContain('T');
    await page.$eval('#f-uscc', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#f-uscc', smallTrader.uscc as string);
    expect(await page.$eval('#uscc-live', (e) => e.textContent)).toBe('校验码正确');
    // The skip link is the first thing a keyboard reaches, and leads to the content.
    await page.keyboard.press('Tab');
    await page.$eval('#f-uscc', (e) => (e as HTMLElement).blur());
    expect(await page.$eval('a.skip', (a) => a.getAttribute('href'))).toBe('#main');
    expect(await page.$eval('body', (b) => b.querySelector('a')?.className)).toBe('skip');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a small domestic trader in Chongqing, zh, JavaScript on: the checklist ticked, the groups of check, next steps, Chinese only, printed on at most 3 A4 pages', async () => {
    const page = await newPage({ width: 1100, height: 1000 });
    await clickThrough(page, smallTrader, 'zh', { javaScript: true });
    expect(JSON.parse(await page.$eval('input[name=profile]', (e) => (e as HTMLInputElement).value))).toMatchObject({ situations: ['exports', 'imports'], pendingMatters: [] });
    await expectPersonResult(page, 'zh');
    expect(await englishOnZhPage(page)).toEqual([]);
    // Folded: does not apply, expired, not yet in force.
    for (const id of ['does-not-apply', 'expired', 'not-yet']) {
      const open = await page.$eval(`#results > section#${id}`, (s) => s.querySelector('details')?.open ?? null).catch(() => undefined);
      if (open !== undefined) expect(open, id).toBe(false);
    }
    await screenshot(page, 'built-small-trader-zh-desktop');
    const pages = await printedPages(page, 'built-small-trader-zh-print');
    expect(pages).toBeGreaterThan(0);
    expect(pages, 'printed A4 pages').toBeLessThanOrEqual(3);
    await page.emulateMediaType('print');
    await screenshot(page, 'built-small-trader-zh-print-view');
    await page.close();
  }, 240_000);

  it('the small trader in English at 375 px with JavaScript off: nothing wider than the screen', async () => {
    const page = await newPage({ width: 375, height: 800, javaScript: false });
    await clickThrough(page, smallTrader, 'en', { javaScript: false });
    await expectPersonResult(page, 'en');
    expect((await englishOnZhPage(page)).length, 'the detector of English finds it on the en page').toBeGreaterThan(5);
    expect(await fits(page, 375)).toBe(true);
    // Opened, the folded groups fit too.
    await page.$$eval('details', (list) => list.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await fits(page, 375)).toBe(true);
    await screenshot(page, 'built-small-trader-en-375');
    await page.close();
  }, 240_000);

  it('mistakes on the zh page are told in Chinese, at 375 px with JavaScript off: a wrong check character, a missing name, an amount that is not one', async () => {
    const page = await newPage({ width: 375, height: 800, javaScript: false });
    await page.goto(`${base}/?lang=zh`);
    await page.type('#f-uscc', '91500103MA60XK2L1X');
    await page.select('#f-province', 'chongqing');
    await submit(page, '#basics form');
    expect(await expectFocusTarget(page)).toBe(true);
    const errors = await page.$$eval('.errors li', (list) => list.map((e) => e.textContent ?? ''));
    expect(errors).toEqual(['企业名称：必填', '统一社会信用代码：校验码为“X”，按 GB 32100-2015 应为“T”']);
    expect(await englishOnZhPage(page)).toEqual([]);
    expect(await fits(page, 375)).toBe(true);
    // What was typed stays, the right fields too.
    expect(await page.$eval('#f-province', (e) => (e as HTMLSelectElement).value)).toBe('chongqing');
    expect(await page.$eval('#f-uscc', (e) => (e as HTMLInputElement).value)).toBe('91500103MA60XK2L1X');
    await screenshot(page, 'built-errors-zh-375', { fullPage: false });
    await page.$eval('#f-uscc', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#f-uscc', smallTrader.uscc as string);
    await page.type('#f-name', smallTrader.name as string);
    await submit(page, '#basics form');
    await page.click('#incident summary');
    await fill(page, '#incident form', { 'inc.category': 'tax', 'inc.underpaidTax': '四万二' });
    await submit(page, '#incident form');
    expect(await page.$eval('.errors li', (e) => e.textContent)).toMatch(/^漏缴、少缴税款（元）：请输入以元计的金额.*（输入为 "四万二"）$/);
    expect(await englishOnZhPage(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('an AEO manufacturer in a bonded zone with its 127号 incident, zh, JavaScript off', async () => {
    const page = await newPage({ width: 1100, height: 1000, javaScript: false });
    await clickThrough(page, sample('samples/aeo-manufacturer-chongqing.yaml'), 'zh', { javaScript: false });
    const expected = await expectPersonResult(page, 'zh');
    expect(expected.incident('TAX-2024-01').applies).toContain('gacc-2023-127/no-penalty-tax-within-2-years|TAX-2024-01');
    expect(await englishOnZhPage(page)).toEqual([]);
    await screenshot(page, 'built-aeo-manufacturer-zh', { fullPage: false });
    // Printed too: what applies (with its incident's) and the questions stay short.
    expect(await printedPages(page, 'built-aeo-manufacturer-zh-print')).toBeLessThanOrEqual(4);
    await page.close();
  }, 300_000);

  it('a cross-border e-commerce exporter in English at 375 px, JavaScript on', async () => {
    const page = await newPage({ width: 375, height: 800 });
    await clickThrough(page, sample('samples/jiangsu-cross-border-ecommerce.yaml'), 'en', { javaScript: true });
    await expectPersonResult(page, 'en');
    expect(await fits(page, 375)).toBe(true);
    await screenshot(page, 'built-cbec-exporter-en-375', { fullPage: false });
    // The full report the page offers reads at 375 px too, its appendix of sources and fields included.
    const profile = await page.$eval('#basics input[name=profile]', (e) => (e as HTMLInputElement).value);
    const report = await fetch(`${base}/download/report`, { method: 'POST', body: new URLSearchParams({ profile, skipped: '[]', lang: 'en', format: 'html' }) });
    expect(report.status).toBe(200);
    await page.goto('about:blank'); // out of the page's content security policy: the report's own inline styles apply
    await page.setContent(await report.text(), { waitUntil: 'load' });
    expect(await page.$eval('h1', (e) => getComputedStyle(e).fontFamily)).toMatch(/Noto Sans SC/);
    expect(await page.$('#sources')).not.toBeNull();
    expect(await wider(page, 375)).toEqual([]);
    await screenshot(page, 'built-cbec-report-en-375', { fullPage: false });
    await page.close();
  }, 300_000);

  it('a disclosure after 127号 expired (2025-10-10): the incident says so, with the date, the sentence and whom to ask; zh then en', async () => {
    const page = await newPage({ width: 1100, height: 1000 });
    await clickThrough(page, lateDiscloser, 'zh', { javaScript: true });
    await expectPersonResult(page, 'zh');
    const block = '[id="incident-result-TAX-2025-11"]';
    const notice = await page.$eval(`${block} .expired-notice`, (e) => e.textContent ?? '');
    expect(notice).toContain('海关总署公告2023年第127号已于2025-10-10失效');
    expect(notice).toContain('本公告有效期自2023年10月11日起至2025年10月10日');
    expect(notice).toContain('目录中没有接续的文件');
    expect(notice).toContain('主管海关');
    // Nothing of the incident is badged as applying or waiting; what concerns a tax case is listed as expired, with its end date.
    const items = await page.$$eval(`${block} li.result`, (list) =>
      list.map((li) => [li.getAttribute('data-group'), li.querySelector('.status')!.textContent, li.querySelector('.window')?.textContent ?? '']),
    );
    expect(items.length).toBeGreaterThan(0);
    for (const [group, badge, window] of items) {
      expect(group).toBe('expired');
      expect(badge).toBe('已失效');
      expect(window).toContain('已于2025-10-10失效');
    }
    expect(await englishOnZhPage(page)).toEqual([]);
    await screenshot(page, 'built-expired-127-zh', { fullPage: false });
    // The language switch keeps the profile: the same result in English.
    await Promise.all([page.waitForNavigation(), page.click('form.lang button')]);
    expect(await page.$eval('html', (e) => e.lang)).toBe('en');
    expect(await page.$eval(`${block} .expired-notice`, (e) => e.textContent)).toContain('海关总署公告2023年第127号 expired on 2025-10-10');
    expect(await page.$eval(`${block} .expired-notice`, (e) => e.textContent)).toContain('No successor is among the rules checked; ask the competent customs office');
    await expectPersonResult(page, 'en');
    await screenshot(page, 'built-expired-127-en-desktop');
    await page.close();
  }, 240_000);
});
