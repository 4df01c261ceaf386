// `huiqi ask` for a person (issues #11, #17): the one question sequence, situation questions among the
// detailed ones; answer errors in the user's language naming the question; the end
// of piped input said; and the README's piped example run as written.
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/profile/load.ts';
import { askSession, type AskIO } from '../../src/ask/session.ts';
import { questionSequence } from '../../src/ask/sequence.ts';
import { CASE_USCC } from '../../src/cases/cases.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { tempDir } from '../support/temp.ts';

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

describe('one question sequence for ask, the page and the API', () => {
  it('asks the situations checklist (综合保税区? 跨境电商? …) first, before the measures behind any of its items', async () => {
    const data = { name: '测试企业', uscc: CASE_USCC, province: 'chongqing', customsCredit: 'registered' };
    const { questions } = await questionSequence(parseProfile(data), { rules, asOf });
    const facts = questions.map((q) => q.fact);
    expect(facts[0]).toBe('situations');
    // The zone question is the checklist's: it is not asked on its own, nor is any question behind it.
    expect(facts).not.toContain('inComprehensiveBondedZone');
    expect(facts).not.toContain('bondedZoneActivities');
    const zone = (await questionSequence(parseProfile({ ...data, situations: ['comprehensive-bonded-zone'] }), { rules, asOf })).questions.map((q) => q.fact);
    expect(zone).toContain('bondedZoneActivities');
  });

  it('asks in the order `ask --non-interactive --format json` lists, the first question first', SLOW, async () => {
    const ask = JSON.parse(huiqi(['ask', 'samples/incomplete-profile.yaml', '--non-interactive', '--format', 'json', '--as-of', asOf]).stdout) as {
      questions: { fact: string; incidentId?: string; decides: string[] }[];
    };
    const { questions } = await questionSequence(parseProfile(incomplete), { rules, asOf });
    expect(ask.questions.map((q) => [q.fact, q.incidentId, q.decides.length])).toEqual(questions.map((q) => [q.fact, q.incidentId, q.decides.length]));
    const io = scripted([]);
    await askSession(incomplete, io, { rules, asOf, lang: 'en' });
    expect(io.asked[0]).toContain(questions[0]!.label.en);
  });
});

describe('ask session', () => {
  it('explains a bad answer in the user language, naming the question, not a field path', async () => {
    // Skip to the question about earlier disclosures, answer it wrongly, then rightly.
    const skipTo = (answers: string[]) => {
      const io = scripted([]);
      let wrong = true;
      io.ask = async (prompt) => {
        io.asked.push(prompt);
        if (!/此前就同一违规行为主动披露的日期|earlier voluntary disclosures/.test(prompt)) return io.asked.length > 40 ? undefined : '';
        return wrong ? ((wrong = false), answers[0]) : answers[1];
      };
      return io;
    };
    const io = skipTo(['下周', '无']);
    await askSession(incomplete, io, { rules, asOf, lang: 'zh' });
    const printed = io.printed.join('');
    expect(printed).toContain('答案无效：「此前就同一违规行为主动披露的日期」：请输入日期，如 2024-01-01、2024/1/1 或 2024年1月1日（输入为 "下周"）');
    expect(printed).not.toMatch(/incidents\[0\]/);
    const en = skipTo(['next week']);
    await askSession(incomplete, en, { rules, asOf, lang: 'en' });
    expect(en.printed.join('')).toContain('invalid answer: dates of earlier voluntary disclosures of the same violation: must be a date YYYY-MM-DD (got "next")');
  });

  it('keeps an answer as the schema reads it (¥1.86万 → 18600) and says when input ends with questions left', async () => {
    const data = {
      ...incomplete,
      incidents: [
        { ...(incomplete.incidents as object[])[0], priorDisclosuresOfSameViolation: [], repeatLicensorDisclosure: false, correctedInTime: true, discoveredByCustoms: false },
      ],
    };
    // Skip every question until the refund one, answer it, then let input end.
    const refund = (p: string) => p.includes('export refund due (CNY)');
    const io: AskIO & { asked: string[]; printed: string[] } = {
      asked: [],
      printed: [],
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
    expect(io.printed.join('')).toMatch(/Input ended with \d+ question\(s\) unanswered/);
  });
});

describe("the README's piped ask example", () => {
  it('runs as written', SLOW, async () => {
    const readme = readFileSync('README.md', 'utf8');
    const line = /^printf .*\| node bin\/huiqi\.js ask .*$/m.exec(readme)?.[0];
    expect(line).toBeDefined();
    const dir = tempDir('readme-ask');
    for (const name of ['bin', 'samples', 'package.json']) symlinkSync(resolve(name), join(dir, name));
    const run = huiqi([], { shell: line!, cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/答案无效|invalid answer/);
    expect(run.stdout).toContain('结果:');
    // The situations checklist first, ticked by number (1 出口货物, 6 开展跨境电商业务), then the next question answered no.
    const saved = parse(readFileSync(join(dir, 'answered.yaml'), 'utf8')) as Record<string, unknown>;
    const { questions } = await questionSequence(parseProfile(incomplete), { rules, asOf: new Date().toISOString().slice(0, 10) });
    expect(questions[0]!.fact).toBe('situations');
    expect(saved).toMatchObject({ situations: ['exports', 'cross-border-ecommerce'] });
    expect(Object.values(saved).filter((v) => v === false).length).toBeGreaterThanOrEqual(1);
  });
});
