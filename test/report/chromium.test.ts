// The HTML report in a real headless browser (the Chromium from npm, test/support/browser.ts): it renders all
// its sections in both languages, its Chinese text is drawn with the embedded Noto Sans SC (no system font
// needed), and a screenshot of each is saved under test-output/.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.ts';
import { buildClientReport, reportWords } from '../../src/report/client-report.ts';
import { FONT_FAMILY } from '../../src/report/font.ts';
import { clientReportHtml } from '../../src/report/html.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { closeBrowser, fontsUsedFor, newPage, screenshot } from '../support/browser.ts';

const work = mkdtempSync(join(tmpdir(), 'huiqi-html-'));
afterAll(async () => {
  await closeBrowser();
  rmSync(work, { recursive: true, force: true });
});

const SECTIONS = ['enterprise', 'summary', 'applies', 'undetermined', 'gap', 'deadlines', 'sources'];

describe('HTML report in headless Chromium', () => {
  it.each(['zh', 'en'] as const)(
    'renders every section of the %s report with the embedded CJK font and takes a screenshot',
    async (lang) => {
      const p = loadProfile('samples/registered-exporter-planning-disclosure.yaml');
      const asOf = '2025-06-01';
      const ruleSet = loadRuleSet();
      const results = await ruleSet.evaluator.evaluateProfile(p, { asOf, evaluator: 'native' });
      const file = join(work, `report-${lang}.html`);
      writeFileSync(file, clientReportHtml(buildClientReport({ profile: p, results, asOf, lang, catalog: ruleSet.catalog })));

      const page = await newPage({ width: 1000, height: 1600 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      for (const id of SECTIONS) expect(await page.$eval(`section#${id} > h2`, (e) => e.textContent), `section #${id}`).toBeTruthy();
      const text = await page.$eval('main', (e) => e.textContent ?? '');
      expect(text).toContain(reportWords[lang].gap);
      expect(text).toContain(p.name);

      // The enterprise name (Chinese in both languages) is drawn entirely with the web font embedded in the file.
      const fonts = await fontsUsedFor(page, 'header .name');
      expect(fonts, JSON.stringify(fonts)).toEqual([expect.objectContaining({ familyName: expect.stringMatching(new RegExp(`^${FONT_FAMILY}`)), isCustomFont: true })]);

      const png = await screenshot(page, `report-${lang}`, { fullPage: false });
      await page.close();
      expect(statSync(png).size).toBeGreaterThan(50_000); // a blank page compresses to a few kB
    },
    60_000,
  );
});
