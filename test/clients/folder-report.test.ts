// `huiqi report clients/ -o reports/`: one client report per profile, an index (applies, undetermined,
// due within 30 days, changes since the previous run) and results.csv for the next run's --compare.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolderReport } from '../../src/clients/folder-report.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { tempDir } from '../support/temp.ts';

const rules = loadRuleSet();
const dir = tempDir('clients-test');
const clients = join(dir, 'clients');
for (const f of ['aeo-manufacturer-chongqing.yaml', 'registered-exporter-planning-disclosure.yaml', 'dishonest-trader.json']) cpSync(join('samples', f), join(clients, f));
writeFileSync(join(clients, 'broken.yaml'), 'name: 无代码公司\n');
writeFileSync(join(clients, 'notes.txt'), 'not a profile');

function sink(tty = false) {
  let text = '';
  return {
    stream: Object.assign({ write: (s: string) => ((text += s), true) }, tty ? { isTTY: true } : {}) as unknown as NodeJS.WritableStream & { isTTY?: boolean },
    text: () => text,
  };
}

describe('huiqi report <folder>', () => {
  it('writes one report per profile, the index with applies, undetermined and what is due within 30 days, and names the profile it could not read', async () => {
    const out = join(dir, 'reports');
    const err = sink(true);
    const { clients: lines, index } = await runFolderReport({
      folder: clients,
      output: out,
      format: 'html',
      rules,
      asOf: '2025-09-15',
      lang: 'zh',
      stderr: err.stream,
      progress: true,
    });
    for (const stem of ['aeo-manufacturer-chongqing', 'registered-exporter-planning-disclosure', 'dishonest-trader']) {
      expect(readFileSync(join(out, `${stem}.html`), 'utf8')).toMatch(/^<!doctype html>/i);
    }
    expect(existsSync(join(out, 'broken.html'))).toBe(false);
    expect(lines.map((c) => c.file)).toEqual(['aeo-manufacturer-chongqing.yaml', 'broken.yaml', 'dishonest-trader.json', 'registered-exporter-planning-disclosure.yaml']);
    expect(lines[1]!.error).toMatch(/broken\.yaml: invalid profile:[\s\S]*uscc: is required/);
    const html = readFileSync(index, 'utf8');
    expect(html).toContain('<a href="registered-exporter-planning-disclosure.html">重庆两江智联进出口有限公司</a>');
    // The six-month disclosure window of the exporter's incident ends on 2025-09-30, 127号 on 2025-10-10: both within 30 days of 2025-09-15.
    const exporter = lines[3]!;
    expect(exporter.dueSoon.map((e) => e.day)).toEqual(['2025-09-30', '2025-10-10']);
    expect(html).toMatch(/<li>2025-09-30 主动披露（自违规行为发生之日起六个月以内）<\/li>/);
    expect(exporter.applies).toBeGreaterThanOrEqual(0);
    expect(html).toContain(`<td class="n">${exporter.applies}</td><td class="n">${exporter.undetermined}</td>`);
    expect(html).toMatch(/<tr class="error"><td>broken\.yaml<\/td>/);
    expect(readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\r\n')).toHaveLength(5);
    expect(err.text()).toMatch(/reporting \[/); // the progress bar on a terminal
    expect(err.text()).toMatch(/3 client report\(s\), index\.html and results\.csv written to/);
  });

  it('with --compare, names the client whose facts changed and why, and no other', async () => {
    const first = join(dir, 'run1');
    await runFolderReport({ folder: clients, output: first, format: 'markdown', rules, asOf: '2025-06-30', lang: 'zh', stderr: sink().stream });
    const changed = join(dir, 'clients2');
    cpSync(clients, changed, { recursive: true });
    const aeo = join(changed, 'aeo-manufacturer-chongqing.yaml');
    writeFileSync(aeo, readFileSync(aeo, 'utf8').replace('customsCredit: advanced', 'customsCredit: registered'));
    const { clients: lines, index } = await runFolderReport({
      folder: changed,
      output: join(dir, 'run2'),
      format: 'markdown',
      rules,
      asOf: '2025-06-30',
      lang: 'zh',
      compare: first,
      stderr: sink().stream,
    });
    const byFile = Object.fromEntries(lines.map((c) => [c.file, c]));
    const aeoLine = byFile['aeo-manufacturer-chongqing.yaml']!;
    expect(aeoLine.comparison!.lost.length).toBeGreaterThan(0);
    expect(aeoLine.comparison!.gained).toEqual([]);
    expect(aeoLine.comparison!.reasons.every((r) => /: 企业信息变化：海关信用等级：advanced → registered/.test(r))).toBe(true);
    for (const file of ['dishonest-trader.json', 'registered-exporter-planning-disclosure.yaml']) expect(byFile[file]!.comparison).toMatchObject({ gained: [], lost: [] });
    const md = readFileSync(index, 'utf8');
    expect(md).toMatch(new RegExp(`\\| −${aeoLine.comparison!.lost.length}: `));
    expect(md.match(/无变化/g)).toHaveLength(2);
  });
});
