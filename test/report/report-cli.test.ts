// `huiqi report` as a user runs it: Markdown to standard output, HTML to a file, both languages.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.ts';

const huiqi = (...args: string[]) => spawnSync(process.execPath, ['bin/huiqi.js', 'report', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('huiqi report', () => {
  it('writes Markdown in English with the ranked gap analysis and deadlines', () => {
    const r = huiqi('samples/registered-exporter-planning-disclosure.yaml', '--lang', 'en', '--as-of', '2025-06-01');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Trade-policy benefits report: 重庆两江智联进出口有限公司/);
    expect(r.stdout).toMatch(/^1\. \*\*obtain AEO advanced certification \(高级认证企业\)\*\* — unlocks \d+ measure\(s\)/m);
    expect(r.stdout).toContain('- **disclose by 2025-09-30 to stay within 6 months of the violation (incident TAX-2025-03)**');
  }, 60_000);

  it('never offers a dominated disclosure window as an action: disclosing within 6 months (127号 第一条第（一）项) leads, the later windows are fallbacks', () => {
    const r = huiqi('samples/registered-exporter-planning-disclosure.yaml', '--lang', 'en', '--as-of', '2025-06-01');
    expect(r.status).toBe(0);
    const numbered = r.stdout.split('\n').filter((l) => /^\d+\. \*\*/.test(l) || /^- \*\*/.test(l));
    expect(numbered.filter((l) => l.includes('on or after 2025-10-01'))).toEqual([]);
    expect(r.stdout).toMatch(/^\d+\. \*\*disclose by 2025-09-30 \(incident TAX-2025-03\)\*\* — unlocks 2 measure\(s\)/m);
    expect(r.stdout).toContain(
      '   - _if 2025-09-30 is missed: disclose on or after 2025-10-01 and by 2025-10-10 (incident TAX-2025-03) — unlocks 1 measure(s): No penalty for a tax violation disclosed after 6 months',
    );
  }, 60_000);

  it('writes one HTML file in Chinese with -o', () => {
    const out = join(tempDir('report'), 'report.html');
    const r = huiqi('samples/aeo-manufacturer-chongqing.yaml', '--format', 'html', '--lang', 'zh', '--as-of', '2025-06-01', '-o', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>惠企政策适用报告 · 重庆西永精密电子制造有限公司</title>');
    expect(html).toContain('<section id="gap"><h2>还差什么');
  }, 60_000);

  it('exits 2 (usage) for a bad --as-of', () => {
    const r = huiqi('samples/aeo-manufacturer-chongqing.yaml', '--as-of', '2025-02-30');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--as-of');
  }, 60_000);
});
