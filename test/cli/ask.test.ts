// `huiqi ask`: only the questions deciding undetermined measures, most decisive first, re-ranked after
// each answer; answers parsed by type and validated by the profile schema; non-interactive modes.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAnswer, questionPrompt, SKIPPED } from '../../src/ask/questions.ts';
import type { QuestionFact as Question } from '../../src/report/groups.ts';
import { askSession, type AskIO } from '../../src/ask/session.ts';
import { rankQuestions } from '../../src/report/groups.ts';
import { CASE_USCC } from '../../src/cases/cases.ts';
import { gapRuleSet, profile, resultsFor } from '../fixtures/gap/fixtures.ts';
import { tempDir } from '../support/temp.ts';

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/huiqi.js', 'ask', ...args], { encoding: 'utf8', input: input ?? '', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Scripted answers; records the questions asked. */
function scripted(answers: string[]): AskIO & { asked: string[]; printed: string[] } {
  const asked: string[] = [];
  const printed: string[] = [];
  return { asked, printed, ask: async (p) => (asked.push(p), answers.shift()), print: (t) => void printed.push(t) };
}

const base = { name: '测试企业', uscc: CASE_USCC, incidents: [] };

describe('questions', () => {
  it('ranks first the fact whose likely answer settles most undetermined measures', async () => {
    const questions = rankQuestions(await resultsFor(profile({}), '2024-06-01'));
    expect(questions[0]!.fact).toBe('customsCredit');
    expect(questions[0]!.decides.length).toBe(Math.max(...questions.map((q) => q.decides.length)));
  });

  it('reads 是/否/yes/no for booleans, a number or a value for enums, and lets an empty answer skip', () => {
    const bool: Question = { fact: 'technologyEnterprise', label: { zh: '', en: '' } };
    expect(['是', 'yes', 'Y', '否', 'no'].map((a) => parseAnswer(bool, a))).toEqual([true, true, true, false, false]);
    expect(parseAnswer(bool, '')).toBe(SKIPPED);
    expect(() => parseAnswer(bool, 'perhaps')).toThrow(/yes or no/);
    const credit: Question = { fact: 'customsCredit', label: { zh: '', en: '' } };
    expect([parseAnswer(credit, '2'), parseAnswer(credit, 'dishonest')]).toEqual(['registered', 'dishonest']);
  });

  it("offers an enum's values in its words, in the chosen language, and reads an answer given by word or value", () => {
    const credit: Question = { fact: 'customsCredit', label: { zh: '海关信用等级', en: 'customs credit status' } };
    expect(questionPrompt(credit, 'zh')).toContain('(1) 高级认证企业 (advanced)  2) 其他注册登记和备案企业 (registered)  3) 失信企业 (dishonest))');
    expect(questionPrompt(credit, 'en')).toContain('3) dishonest enterprise (dishonest))');
    expect(['失信企业', 'Dishonest Enterprise', ' DISHONEST ', '3'].map((a) => parseAnswer(credit, a))).toEqual(['dishonest', 'dishonest', 'dishonest', 'dishonest']);
    // An enum whose declaration gives no words is offered by its values.
    const penalty: Question = { fact: 'penaltyKind', label: { zh: '', en: '' } };
    expect(questionPrompt(penalty, 'zh')).toContain('(1) none  2) warning  3) fine)');
  });
});

describe('ask session', () => {
  it('asks the most decisive question first, re-asks after an invalid answer, and stops asking what no longer matters', async () => {
    const io = scripted(['perhaps', 'advanced', '是']);
    const session = await askSession({ ...base }, io, { rules: gapRuleSet, asOf: '2024-06-01', lang: 'en' });
    expect(io.asked[0]).toContain('customs credit status');
    expect(io.asked[1]).toContain('customs credit status'); // asked again after "perhaps"
    expect(io.printed.join('')).toContain(
      'invalid answer: customs credit status: must be one of: advanced (高级认证企业), registered (其他注册登记和备案企业), dishonest (失信企业) (got "perhaps")',
    );
    // Then the next most decisive question: the technology status (a yes settles the measure).
    expect(io.asked[2]!.replace(/^\(decides 1 measure\(s\)\) /, '').slice(0, 20)).toBe('a technology-based e');
    expect(session.data).toMatchObject({ customsCredit: 'advanced', technologyEnterprise: true });
    expect(io.asked.filter((q) => q.includes('customs credit status'))).toHaveLength(2);
    expect(session.results.find((r) => r.ruleId === 'test-2024-1/aeo-or-tech')!.status).toBe('eligible');
  });

  it('skips a question on an empty answer and ends when input ends', async () => {
    const io = scripted(['']);
    const session = await askSession({ ...base }, io, { rules: gapRuleSet, asOf: '2024-06-01', lang: 'zh' });
    expect(io.asked).toHaveLength(2);
    expect(io.asked[0]).toContain('海关信用等级');
    expect(io.asked[1]).not.toContain('海关信用等级');
    expect(session.data).toEqual(base);
  });
});

describe('huiqi ask (CLI)', () => {
  const dir = tempDir('ask');
  const rules = 'test/fixtures/gap/rules.yaml';

  it('--non-interactive prints the ranked questions for a partial profile', () => {
    const file = join(dir, 'partial.yaml');
    writeFileSync(file, `name: 测试企业\nuscc: ${CASE_USCC}\nprovince: chongqing\n`);
    const { code, stdout } = run([file, '--non-interactive', '--lang', 'en', '--rules', rules, '--as-of', '2024-06-01']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}1\. customs credit status .*— decides 5 measure\(s\) {2}\(customsCredit\)$/);
    expect(stdout).not.toContain('(province)');
  });

  it('reads answers from piped stdin and shows the result', () => {
    const file = join(dir, 'piped.yaml');
    writeFileSync(file, `name: 测试企业\nuscc: ${CASE_USCC}\nprovince: chongqing\n`);
    const { code, stdout } = run([file, '--lang', 'en', '--rules', rules, '--as-of', '2024-06-01', '--save', join(dir, 'saved.yaml')], '2\nno\n');
    expect(code).toBe(0);
    expect(stdout).toContain('customs credit status');
    expect(stdout).toMatch(/Result:\n测试企业/);
    expect(parse(readFileSync(join(dir, 'saved.yaml'), 'utf8'))).toMatchObject({ customsCredit: 'registered', technologyEnterprise: false });
  });

  it('applies an answers file, and rejects an invalid answer naming the field', () => {
    const file = join(dir, 'base.yaml');
    writeFileSync(file, `name: 测试企业\nuscc: ${CASE_USCC}\n`);
    writeFileSync(join(dir, 'answers.yaml'), 'customsCredit: advanced\nprovince: 重庆\n');
    const ok = run([file, '--answers', join(dir, 'answers.yaml'), '--lang', 'en', '--rules', rules, '--as-of', '2024-06-01']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Applies \(3\)/);
    writeFileSync(join(dir, 'bad.yaml'), 'customsCredit: gold\n');
    const bad = run([file, '--answers', join(dir, 'bad.yaml'), '--rules', rules]);
    expect(bad.code).toBe(1);
    // In the user's language (zh by default), naming the question by its label.
    expect(bad.stderr).toContain('答案 customsCredit: 「海关信用等级');
    expect(bad.stderr).toContain('请从以下选项中选择：高级认证企业、其他注册登记和备案企业、失信企业（输入为 "gold"）');
  });
});
