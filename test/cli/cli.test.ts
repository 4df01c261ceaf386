// The CLI as a user runs it: output, exit codes (0 ok, 1 invalid input, 2 usage error).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

export function huiqi(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('huiqi check', () => {
  it('tells the AEO sample that 127号 item (二) applies to its tax incident, with the source', () => {
    const { code, stdout } = huiqi('check', 'samples/aeo-manufacturer-chongqing.yaml', '--lang', 'en');
    expect(code).toBe(0);
    const applies = stdout.slice(stdout.indexOf('Applies'), stdout.indexOf('Undetermined'));
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

  it('writes Markdown with quotes', () => {
    const { stdout } = huiqi('check', 'samples/aeo-manufacturer-chongqing.yaml', '--format', 'markdown', '--lang', 'zh');
    expect(stdout).toMatch(/^# 重庆西永精密电子制造有限公司/);
    expect(stdout).toContain('「（二）自涉税违规行为发生之日起超过六个月但在两年以内');
  });

  it('exits 1 naming the field for an invalid profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-cli-'));
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

  it('validates a folder and rejects a broken one naming the file', () => {
    expect(huiqi('rules', 'validate').stdout).toMatch(/\d+ rules in \d+ files are valid/);
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-cli-'));
    writeFileSync(join(dir, 'broken.yaml'), 'document: {}\nrules: []\n');
    const { code, stderr } = huiqi('rules', 'validate', dir);
    expect(code).toBe(1);
    expect(stderr).toContain('broken.yaml');
  });
});
