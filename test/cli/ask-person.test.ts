// `huiqi ask` for a person (issue #11): the questions `check` lists, in its order and counts (one ranker);
// then situations as yes/no switches; answer errors in the user's language naming the question; the end
// of piped input said; and the README's piped example run as written.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/profile/load.ts';
import { askSession, rankTopics, type AskIO } from '../../src/ask/session.ts';
import { groupResults, rankQuestions } from '../../src/report/summary.ts';
import { CASE_USCC } from '../../src/catalog/cases.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';

const SLOW = { timeout: 300_000 };
const rules = loadRuleSet('rules');
const asOf = '2025-06-30';

function scripted(answers: string[]): AskIO & { asked: string[]; printed: string[] } {
  const asked: string[] = [];
  const printed: string[] = [];
  return { asked, printed, ask: async (p) => (asked.push(p), answers.shift()), print: (t) => void printed.push(t) };
}

function huiqi(args: string[], options: { input?: string; cwd?: string; shell?: string } = {}) {
  const run = options.shell
    ? spawnSync('sh', ['-c', options.shell], { encoding: 'utf8', cwd: options.cwd, timeout: 120_000 })
    : spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8', input: options.input ?? '', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const incomplete = parse(readFileSync('samples/incomplete-profile.yaml', 'utf8')) as Record<string, unknown>;

describe('one ranker for check and ask', () => {
  it('ranks only the questions of rules whose situation arises, per incident, most decisive first', async () => {
    const results = await rules.evaluator.evaluateProfile(parseProfile(incomplete), { asOf });
    const ranked = rankQuestions(results);
    for (const q of ranked) for (const r of q.decides) expect(r.relevant).toBe(true);
    expect(ranked[0]).toMatchObject({ fact: 'priorDisclosuresOfSameViolation', incidentId: 'EXP-REFUND-1' });
    expect(groupResults(results).questions.map((q) => [q.fact, q.incidentId, q.decides.length])).toEqual(ranked.map((q) => [q.fact, q.incidentId, q.decides.length]));
  });

  it('asks first exactly the questions check lists, in the same order and with the same counts', SLOW, () => {
    const check = JSON.parse(huiqi(['check', 'samples/incomplete-profile.yaml', '--format', 'json', '--as-of', asOf]).stdout) as { questions: { fact: string; incidentId?: string; decides: string[] }[] };
    const ask = JSON.parse(huiqi(['ask', 'samples/incomplete-profile.yaml', '--non-interactive', '--format', 'json', '--as-of', asOf]).stdout) as { questions: typeof check.questions; topics: unknown[] };
    expect(check.questions.length).toBeGreaterThan(0);
    expect(ask.questions.map((q) => [q.fact, q.incidentId, q.decides.length])).toEqual(check.questions.map((q) => [q.fact, q.incidentId, q.decides.length]));
    expect(ask.topics.length).toBeGreaterThan(0);
    // The session opens with the same count.
    const piped = huiqi(['ask', 'samples/incomplete-profile.yaml', '--lang', 'en', '--as-of', asOf]);
    expect(piped.stdout).toContain(`${check.questions.length} question(s) decide the undetermined measures`);
  });
});

describe('ask session', () => {
  it('offers situations as yes/no switches after the questions; yes brings up their questions', async () => {
    const data = { name: '测试企业', uscc: CASE_USCC, province: 'chongqing', incidents: [{ id: 'V1', kind: 'customs-violation' }] };
    const results = await rules.evaluator.evaluateProfile(parseProfile(data), { asOf, keepTrees: true }); // switches read the trigger trees
    const tax = rankTopics(results).find((t) => t.fact === 'category' && t.value === 'tax');
    expect(tax).toMatchObject({ incidentId: 'V1' });
    // Skip every question until the tax switch comes, say yes to it, then see a question of the tax rules.
    const io: AskIO & { asked: string[]; printed: string[] } = {
      asked: [], printed: [],
      async ask(prompt) {
        this.asked.push(prompt);
        if (prompt.includes('a tax-related violation?')) return 'yes';
        return this.asked.some((p) => p.includes('a tax-related violation?')) ? undefined : '';
      },
      print(text) {
        this.printed.push(text);
      },
    };
    const session = await askSession(data, io, { rules, asOf, lang: 'en' });
    expect((session.data.incidents as { category?: string }[])[0]!.category).toBe('tax');
    expect(io.printed.join('')).toMatch(/situation\(s\) are not known to arise/);
    const after = io.asked.slice(io.asked.findIndex((p) => p.includes('a tax-related violation?')) + 1);
    expect(after[0]).toMatch(/^\(decides \d+ measure\(s\)\) \[incident V1\]/);
  });

  it('explains a bad answer in the user language, naming the question, not a field path', async () => {
    const io = scripted(['下周', '无']);
    await askSession(incomplete, io, { rules, asOf, lang: 'zh' });
    const printed = io.printed.join('');
    expect(printed).toContain('答案无效：「此前就同一违规行为主动披露的日期」：请输入日期，如 2024-01-01、2024/1/1 或 2024年1月1日（输入为 "下周"）');
    expect(printed).not.toMatch(/incidents\[0\]/);
    const en = scripted(['next week']);
    await askSession(incomplete, en, { rules, asOf, lang: 'en' });
    expect(en.printed.join('')).toContain('invalid answer: dates of earlier voluntary disclosures of the same violation: must be a date YYYY-MM-DD (got "next")');
  });

  it('keeps an answer as the schema reads it (¥1.86万 → 18600) and says when input ends with questions left', async () => {
    const data = { ...incomplete, incidents: [{ ...(incomplete.incidents as object[])[0], priorDisclosuresOfSameViolation: [], repeatLicensorDisclosure: false, correctedInTime: true, discoveredByCustoms: false }] };
    // Skip every question until the refund one, answer it, then let input end.
    const refund = (p: string) => p.includes('export refund due (CNY)');
    const io: AskIO & { asked: string[]; printed: string[] } = {
      asked: [], printed: [],
      async ask(prompt) {
        this.asked.push(prompt);
        if (refund(prompt)) return '¥1.86万';
        return this.asked.some(refund) ? undefined : '';
      },
      print(text) {
        this.printed.push(text);
      },
    };
    const session = await askSession(data, io, { rules, asOf, lang: 'en' });
    expect(io.asked.some(refund)).toBe(true);
    expect((session.data.incidents as { refundPayable?: number }[])[0]!.refundPayable).toBe(18600);
    expect(io.printed.join('')).toMatch(/Input ended with \d+ question\(s\)( and \d+ situation\(s\))? unanswered/);
  });
});

describe("the README's piped ask example", () => {
  it('runs as written', SLOW, () => {
    const readme = readFileSync('README.md', 'utf8');
    const line = /^printf .*\| node bin\/huiqi\.js ask .*$/m.exec(readme)?.[0];
    expect(line).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-readme-ask-'));
    for (const name of ['bin', 'samples', 'package.json']) symlinkSync(resolve(name), join(dir, name));
    const run = huiqi([], { shell: line!, cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/答案无效|invalid answer/);
    expect(run.stdout).toContain('结果:');
    const saved = parse(readFileSync(join(dir, 'answered.yaml'), 'utf8')) as { incidents: Record<string, unknown>[] };
    expect(saved.incidents[0]).toMatchObject({ priorDisclosuresOfSameViolation: [], repeatLicensorDisclosure: false });
  });
});
