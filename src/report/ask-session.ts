// `huiqi ask`: a self-check that asks only the questions deciding undetermined rules, most decisive first,
// re-evaluating after every answer (so questions that no longer matter are not asked), then shows the
// result. I/O is injected: a terminal, piped lines, or an answers file all run the same loop.
import { evaluateProfile, type RuleResult } from '../engine/evaluate.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import {
  answerProblems, answersFromFile, asProfile, parseAnswer, questionPrompt, rankQuestions, SKIPPED, withAnswer, type Question,
} from '../profile/questions.ts';
import type { Rule } from '../rules/schema.ts';
import { checkTable } from './check-report.ts';
import type { Lang } from './summary.ts';

export interface AskIO {
  /** Shows a prompt and returns the answer line, or undefined when input has ended. */
  ask(prompt: string): Promise<string | undefined>;
  print(text: string): void;
}

export interface AskOptions {
  rules: readonly Rule[];
  asOf: string;
  lang: Lang;
  /** Stop after this many questions (default: until nothing is left to ask). */
  maxQuestions?: number;
}

const words = {
  zh: { intro: (n: number) => `有 ${n} 个问题可以确定待确认的政策措施，先问最关键的。输入 q 结束。`, decides: '可确定', measures: '项措施', invalid: '答案无效', result: '结果', none: '没有需要回答的问题。' },
  en: { intro: (n: number) => `${n} question(s) decide the undetermined measures; the most decisive come first. Type q to stop.`, decides: 'decides', measures: 'measure(s)', invalid: 'invalid answer', result: 'Result', none: 'Nothing left to ask.' },
};

async function evaluate(data: Record<string, unknown>, o: AskOptions): Promise<{ profile: Enterprise; results: RuleResult[] }> {
  const profile = asProfile(data);
  return { profile, results: await evaluateProfile(profile, o.rules, { asOf: o.asOf }) };
}

/** The ranked questions for a (partial) profile, as lines of text. */
export async function questionList(data: Record<string, unknown>, o: AskOptions): Promise<string> {
  const { results } = await evaluate(data, o);
  const w = words[o.lang];
  const questions = rankQuestions(results);
  if (!questions.length) return `${w.none}\n`;
  return questions
    .map((q, i) => `${String(i + 1).padStart(3)}. ${questionPrompt(q, o.lang).replace(/ \[[^\]]*\]: $/, '')} — ${w.decides} ${q.decides.length} ${w.measures}  (${q.incidentId !== undefined ? `${q.incidentId}.` : ''}${q.fact})`)
    .join('\n') + '\n';
}

/** Applies answers from a file (validated one by one); throws an Error naming the first bad answer. */
export function applyAnswerFile(data: Record<string, unknown>, answers: unknown): Record<string, unknown> {
  let out = data;
  for (const a of answersFromFile(answers)) {
    const next = withAnswer(out, a, a.value);
    const problems = answerProblems(next);
    if (problems) throw new Error(`answer ${a.incidentId !== undefined ? `${a.incidentId}.` : ''}${a.fact}: ${problems.join('; ')}`);
    out = next;
  }
  return out;
}

/**
 * Asks the questions one at a time, most decisive first, re-ranking after each answer. An invalid
 * answer is explained and asked again; an empty one skips the question. Returns the completed profile data.
 */
export async function askSession(data: Record<string, unknown>, io: AskIO, o: AskOptions): Promise<{ data: Record<string, unknown>; profile: Enterprise; results: RuleResult[] }> {
  const w = words[o.lang];
  const skipped = new Set<string>();
  const key = (q: Question) => `${q.incidentId ?? ''}.${q.fact}`;
  let current = await evaluate(data, o);
  let asked = 0;
  let first = true;
  for (;;) {
    const next = rankQuestions(current.results).filter((q) => !skipped.has(key(q)));
    if (!next.length || (o.maxQuestions !== undefined && asked >= o.maxQuestions)) break;
    if (first) io.print(`${w.intro(next.length)}\n`);
    first = false;
    const q = next[0]!;
    let value: unknown;
    for (;;) {
      const line = await io.ask(`(${w.decides} ${q.decides.length} ${w.measures}) ${questionPrompt(q, o.lang)}`);
      if (line === undefined || line.trim().toLowerCase() === 'q') return { data, ...current };
      try {
        value = parseAnswer(q, line);
      } catch (e) {
        io.print(`  ${w.invalid}: ${(e as Error).message}\n`);
        continue;
      }
      if (value === SKIPPED) break;
      const candidate = withAnswer(data, q, value);
      const problems = answerProblems(candidate);
      if (problems) {
        io.print(`  ${w.invalid}: ${problems.join('; ')}\n`);
        continue;
      }
      data = candidate;
      break;
    }
    asked++;
    if (value === SKIPPED) skipped.add(key(q));
    else current = await evaluate(data, o);
  }
  return { data, ...current };
}

/** The result after the session, as `huiqi check` shows it. */
export function sessionResult(profile: Enterprise, results: RuleResult[], o: AskOptions): string {
  return `\n${words[o.lang].result}:\n${checkTable({ profile, results, asOf: o.asOf, lang: o.lang })}`;
}
