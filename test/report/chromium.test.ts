// The HTML report in a real headless browser (Debian's chromium, installed by .ci/run): it renders all its
// sections in both languages, and a screenshot is taken. Fails, never skips, when chromium is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { buildClientReport, reportWords } from '../../src/report/client-report.ts';
import { clientReportHtml } from '../../src/report/html.ts';
import { loadRules } from '../../src/rules/load.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => spawnSync(p, ['--version']).status === 0);
const work = mkdtempSync(join(tmpdir(), 'huiqi-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function chromium(...args: string[]): string {
  const profileDir = mkdtempSync(join(work, 'profile-'));
  return execFileSync(CHROMIUM!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profileDir}`, ...args,
  ], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
}

const SECTIONS = ['enterprise', 'summary', 'applies', 'undetermined', 'gap', 'deadlines', 'sources'];

describe('HTML report in headless Chromium', () => {
  it('chromium is installed (.ci/run installs it)', () => {
    expect(CHROMIUM, 'install Debian chromium: apt-get install -y chromium').toBeDefined();
  });

  it('a Chinese font is installed, so zh reports do not render as empty boxes', () => {
    expect(execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim(), 'apt-get install -y fonts-noto-cjk').not.toBe('');
  });

  it.each(['zh', 'en'] as const)('renders every section of the %s report and takes a screenshot', async (lang) => {
    const p = loadProfile('samples/registered-exporter-planning-disclosure.yaml');
    const asOf = '2025-06-01';
    const results = await evaluateProfile(p, loadRules(), { asOf, evaluator: 'native' });
    const file = join(work, `report-${lang}.html`);
    writeFileSync(file, clientReportHtml(buildClientReport({ profile: p, results, asOf, lang })));
    const url = pathToFileURL(file).href;

    const dom = chromium('--dump-dom', url);
    for (const id of SECTIONS) expect(dom, `section #${id}`).toMatch(new RegExp(`<section id="${id}"><h2>`));
    expect(dom).toContain(reportWords[lang].gap);
    expect(dom).toContain(p.name);

    const png = join(work, `report-${lang}.png`);
    chromium(`--screenshot=${png}`, '--window-size=1000,1600', url);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1000, 1600]);
    expect(statSync(png).size).toBeGreaterThan(50_000); // a blank page compresses to a few kB
  }, 120_000);
});
