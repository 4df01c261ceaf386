// The CLI as a user runs it: output, exit codes (0 ok, 1 invalid input, 2 usage error).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/facts/catalog.ts';
import { cq2019Document } from '../fixtures/rules.ts';
import { tempDir } from '../support/temp.ts';

export function huiqi(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('huiqi check', () => {
  it('tells the AEO sample that 127号 item (二) applies to its tax incident, with the source', () => {
    const { code, stdout } = huiqi('check', 'samples/aeo-manufacturer-chongqing.yaml', '--lang', 'en');
    expect(code).toBe(0);
    const applies = stdout.slice(stdout.indexOf('Applies ('), stdout.indexOf('Undetermined ('));
    expect(applies).toContain('[gacc-2023-127/no-penalty-tax-within-2-years]');
    expect(applies).not.toContain('[gacc-2023-127/no-penalty-tax-within-6-months]');
    expect(applies).toContain('海关总署公告2023年第127号 第一条第（二）项');
  });

  it('prints JSON with statuses, missing facts and the package version', () => {
    const { code, stdout } = huiqi('check', 'samples/incomplete-profile.yaml', '--format', 'json', '--as-of', '2025-01-01');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.huiqiVersion).toMatch(/^\d+\.\d+\.\d+/);
    const r = report.results.find((x: { ruleId: string }) => x.ruleId === 'gacc-2023-127/no-penalty-export-refund-within-2-years');
    expect(r.status).toBe('undetermined');
    expect(r.missingFacts).toContain('refundPayable');
    expect(report.questions.length).toBeGreaterThan(0);
  });

  it("in Chinese names what is still needed by the fact catalog's zh labels, not by English fact ids", () => {
    const { code, stdout } = huiqi('check', 'samples/incomplete-profile.yaml', '--lang', 'zh', '--as-of', '2025-01-01');
    expect(code).toBe(0);
    const needs = stdout.split('\n').filter((l) => l.trim().startsWith('需确认:'));
    expect(needs.length).toBeGreaterThan(0);
    const ids = builtinCatalog.all.map((f) => f.name);
    for (const line of needs)
      expect(
        ids.filter((id) => new RegExp(`\\b${id}\\b`).test(line)),
        line,
      ).toEqual([]);
    expect(needs.join('\n')).toContain('海关信用等级');
  });

  it('writes Markdown with quotes', () => {
    const { stdout } = huiqi('check', 'samples/aeo-manufacturer-chongqing.yaml', '--format', 'markdown', '--lang', 'zh');
    expect(stdout).toMatch(/^# 重庆西永精密电子制造有限公司/);
    expect(stdout).toContain('「（二）自涉税违规行为发生之日起超过六个月但在两年以内');
  });

  it('exits 1 naming the field for an invalid profile', () => {
    const dir = tempDir('cli');
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'A', uscc: '91110000600037341X' }));
    const { code, stderr } = huiqi('check', file);
    expect(code).toBe(1);
    expect(stderr).toContain('uscc: is not a valid 统一社会信用代码');
    expect(stderr).toContain(file);
  });

  it('exits 2 for a usage error, a bad --as-of among them', () => {
    expect(huiqi('check', 'samples/dishonest-trader.json', '--as-of', '2024-02-30').code).toBe(2);
    const usage = huiqi('check', 'samples/dishonest-trader.json', '--format', 'pdf');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Invalid values/);
  });
});

describe('huiqi rules', () => {
  it('runs every rule case and ends with a count line', () => {
    const { code, stdout } = huiqi('rules', 'test');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('shows a rule with its quote and line range', () => {
    const { code, stdout } = huiqi('rules', 'show', 'gacc-2023-127/late-fee-waiver');
    expect(code).toBe(0);
    expect(stdout).toContain('lines 11286-11290');
    expect(stdout).toContain('可依法向海关申请减免税款滞纳金');
  });

  it('validate compares every quote with its seed lines and names the rule whose quote was invented', () => {
    const dir = tempDir('cli');
    const ruleFile = (quote: string) => ({
      ...cq2019Document,
      rules: [
        {
          id: 'cq-2019-8/invented',
          title: { zh: '测试', en: 'test' },
          kind: 'benefit',
          appliesTo: 'enterprise',
          source: { article: '标题', lines: [1, 4], quote },
          conditions: { fact: 'customsCredit', operator: 'equal', value: 'advanced' },
          outcome: { zh: '测试', en: 'test' },
          handledByUnstated: { zh: '未写明', en: 'none named' },
          cases: [
            { name: 'advanced', enterprise: { customsCredit: 'advanced' }, expect: 'eligible' },
            { name: 'registered', enterprise: { customsCredit: 'registered' }, expect: 'ineligible' },
          ],
        },
      ],
    });
    writeFileSync(join(dir, 'invented.json'), JSON.stringify(ruleFile('海关总署决定对区内企业免征一切关税')));
    const seeds = join(process.cwd(), 'sources');
    const bad = huiqi('rules', 'validate', dir, '--seeds', seeds);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invented.json: rule cq-2019-8/invented: source.quote: "海关总署决定对区内企业免征一切关税" is not in 000_77bef93430f12e06.txt lines 1-4');

    writeFileSync(join(dir, 'invented.json'), JSON.stringify(ruleFile('重庆市人民政府关于做好促进综合保税区高水平开放高质量发展有关工作的通知')));
    const good = huiqi('rules', 'validate', dir, '--seeds', seeds);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('the quotes of 1 rules match their seed lines');
    // A seed folder that is not there is a usage mistake, not a pass.
    expect(huiqi('rules', 'validate', dir, '--seeds', join(dir, 'none')).code).toBe(1);
  }, 120_000);

  it('validates a folder and rejects a broken one naming the file', () => {
    expect(huiqi('rules', 'validate').stdout).toMatch(/\d+ rules in \d+ files are valid/);
    const dir = tempDir('cli');
    writeFileSync(join(dir, 'broken.yaml'), 'document: {}\nrules: []\n');
    const { code, stderr } = huiqi('rules', 'validate', dir);
    expect(code).toBe(1);
    expect(stderr).toContain('broken.yaml');
  });
});
