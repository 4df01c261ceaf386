// `huiqi ask`: a self-check for a person. It asks the one question sequence (./sequence.ts, the same the
// self-check page and POST /api/v1/questions ask): situation questions (在综合保税区?) and detailed ones
// ranked together, re-evaluating after every answer so questions that no longer matter are not asked.
// I/O is injected: a terminal, piped lines, or an answers file all run the same loop.
import type { RuleResult } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { builtinCatalog } from '../facts/catalog.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { answerOutcome, answersFromFile, asProfile, parseAnswer, questionPrompt, SKIPPED } from './questions.ts';
import { checkTable } from '../report/check-report.ts';
import { questionKey, type QuestionFact } from '../report/groups.ts';
import type { Lang } from '../io/lang.ts';
import { questionSequence } from './sequence.ts';

export interface AskIO {
  /** Shows a prompt and returns the answer line, or undefined when input has ended. */
  ask(prompt: string): Promise<string | undefined>;
  print(text: string): void;
}

export interface AskOptions {
  rules: RuleBase;
  asOf: string;
  lang: Lang;
  /** Stop after this many questions (default: until nothing is left to ask). */
  maxQuestions?: number;
}

const words = {
  zh: {
    intro: (n: number) => `有 ${n} 个问题可以确定待确认的政策措施，先问最关键的。输入 q 结束。`,
    decides: '可确定',
    measures: '项措施',
    invalid: '答案无效：',
    result: '结果',
    none: '没有需要回答的问题。',
    ended: (q: number) => `输入已结束：还有 ${q} 个问题未回答（可再次运行 huiqi ask，或用 --answers 提供答案）。`,
  },
  en: {
    intro: (n: number) => `${n} question(s) decide the undetermined measures; the most decisive come first. Type q to stop.`,
    decides: 'decides',
    measures: 'measure(s)',
    invalid: 'invalid answer: ',
    result: 'Result',
    none: 'Nothing left to ask.',
    ended: (q: number) => `Input ended with ${q} question(s) unanswered (run huiqi ask again, or give --answers).`,
  },
};

type Skipped = Pick<QuestionFact, 'fact' | 'incidentId'>[];

async function evaluate(data: Record<string, unknown>, o: AskOptions, skipped: Skipped = []) {
  const profile = asProfile(data, o.rules.profile);
  return { profile, ...(await questionSequence(profile, { rules: o.rules, asOf: o.asOf, skipped })) };
}

const ids = (list: RuleResult[]) => list.map((r) => (r.incidentId !== undefined ? `${r.ruleId} (${r.incidentId})` : r.ruleId));

/** The sequence as lines of text. */
export async function questionList(data: Record<string, unknown>, o: AskOptions): Promise<string> {
  const { questions } = await evaluate(data, o);
  const w = words[o.lang];
  if (!questions.length) return `${w.none}\n`;
  const lines = questions.map(
    (q, i) =>
      `${String(i + 1).padStart(3)}. ${questionPrompt(q, o.lang, o.rules.catalog).replace(/ \[[^\]]*\]: $/, '')} — ${w.decides} ${q.decides.length} ${w.measures}  (${questionKey(q)})`,
  );
  return `${lines.join('\n')}\n`;
}

/** The same as JSON, for programs. */
export async function questionJson(data: Record<string, unknown>, o: AskOptions): Promise<string> {
  const { questions } = await evaluate(data, o);
  return `${JSON.stringify({ questions: questions.map((q) => ({ ...q, decides: ids(q.decides) })) }, null, 2)}\n`;
}

/** Applies answers from a file (validated one by one); throws an Error naming the first bad answer. */
export function applyAnswerFile(data: Record<string, unknown>, answers: unknown, lang: Lang = 'en', rules?: RuleBase): Record<string, unknown> {
  const catalog = rules?.catalog ?? builtinCatalog;
  let out = data;
  for (const a of answersFromFile(answers)) {
    const def = catalog.definition(a.fact);
    const outcome = answerOutcome(out, { ...a, label: { zh: def?.zh ?? a.fact, en: def?.en ?? a.fact } }, a.value, lang, catalog.profile);
    if ('problem' in outcome) throw new Error(`${lang === 'zh' ? '答案' : 'answer'} ${questionKey(a)}: ${outcome.problem}`);
    out = outcome.data;
  }
  return out;
}

/**
 * Asks the questions one at a time, re-ranking after each answer. An invalid answer is explained and
 * asked again; an empty one skips. Returns the completed profile data.
 */
export async function askSession(data: Record<string, unknown>, io: AskIO, o: AskOptions): Promise<{ data: Record<string, unknown>; profile: Enterprise; results: RuleResult[] }> {
  const w = words[o.lang];
  const skipped: Skipped = [];
  let current = await evaluate(data, o);
  let asked = 0;
  let introduced = false;
  for (;;) {
    const q = current.questions[0];
    if (!q || (o.maxQuestions !== undefined && asked >= o.maxQuestions)) break;
    if (!introduced) io.print(`${w.intro(current.questions.length)}\n`);
    introduced = true;
    const prompt = `(${w.decides} ${q.decides.length} ${w.measures}) ${questionPrompt(q, o.lang, o.rules.catalog)}`;
    let answered = false;
    for (;;) {
      const line = await io.ask(prompt);
      if (line === undefined) {
        io.print(`${w.ended(current.questions.length)}\n`);
        return { data, profile: current.profile, results: current.results };
      }
      if (line.trim().toLowerCase() === 'q') return { data, profile: current.profile, results: current.results };
      let value: unknown;
      try {
        value = parseAnswer(q, line, o.lang, o.rules.catalog);
      } catch (e) {
        io.print(`  ${w.invalid}${(e as Error).message}\n`);
        continue;
      }
      if (value === SKIPPED) break;
      const outcome = answerOutcome(data, q, value, o.lang, o.rules.profile);
      if ('problem' in outcome) {
        io.print(`  ${w.invalid}${outcome.problem}\n`);
        continue;
      }
      data = outcome.data;
      answered = true;
      break;
    }
    asked++;
    if (!answered) skipped.push({ fact: q.fact, ...(q.incidentId !== undefined && { incidentId: q.incidentId }) });
    current = await evaluate(data, o, skipped);
  }
  return { data, profile: current.profile, results: current.results };
}

/** The result after the session, as `huiqi check` shows it. */
export function sessionResult(profile: Enterprise, results: RuleResult[], o: AskOptions): string {
  return `\n${words[o.lang].result}:\n${checkTable({ profile, results, asOf: o.asOf, lang: o.lang, catalog: o.rules.catalog })}`;
}
