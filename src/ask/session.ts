// `huiqi ask`: a self-check for a person. It first asks the questions `huiqi check` lists (undetermined
// rules whose situation arises), in the same order and with the same counts (one ranker, summary.ts),
// re-evaluating after every answer so questions that no longer matter are not asked; then it offers the
// situations not known to arise (a rule's trigger, e.g. "a tax-related violation") as yes/no switches,
// whose rules' questions follow when one is switched on. I/O is injected: a terminal, piped lines, or an
// answers file all run the same loop.
import type { RuleResult } from '../engine/evaluate.ts';
import { Explainer } from '../engine/explain.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import type { EvaluatedCondition } from '../engine/truth.ts';
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { FieldLabel } from '../profile/fields.ts';
import { answerOutcome, answersFromFile, asProfile, isSkip, parseAnswer, questionPrompt, SKIPPED, yesNo } from './questions.ts';
import { checkTable } from '../report/check-report.ts';
import { questionKey, rankQuestions, type RankedQuestion } from '../report/summary.ts';
import type { Lang } from '../io/lang.ts';

export interface AskIO {
  /** Shows a prompt and returns the answer line, or undefined when input has ended. */
  ask(prompt: string): Promise<string | undefined>;
  print(text: string): void;
}

export interface AskOptions {
  rules: RuleBase;
  asOf: string;
  lang: Lang;
  /** Stop after this many questions and switches (default: until nothing is left to ask). */
  maxQuestions?: number;
}

/** A situation not known to arise, offered as a yes/no switch: "yes" sets `fact` to `value`. */
export interface Topic {
  fact: string;
  incidentId?: string;
  value: string | boolean;
  label: FieldLabel;
  /** Situational results (rule × incident) whose situation this switch decides. */
  opens: RuleResult[];
}

const words = {
  zh: {
    intro: (n: number) => `有 ${n} 个问题可以确定待确认的政策措施（与 huiqi check 所列相同），先问最关键的。输入 q 结束。`,
    topics: (n: number) => `以下 ${n} 种情形尚不知是否存在；回答“是”会带出相应措施的问题。`,
    topic: (label: string, n: number) => `（涉及 ${n} 项措施）是否存在以下情形：${label}？(是/否) [回车跳过]: `,
    decides: '可确定', measures: '项措施', invalid: '答案无效：', result: '结果', none: '没有需要回答的问题。',
    ended: (q: number, t: number) => `输入已结束：还有 ${q} 个问题${t ? `和 ${t} 种情形` : ''}未回答（可再次运行 huiqi ask，或用 --answers 提供答案）。`,
    switches: '可选情形（回答“是”后再提问）', opens: '涉及',
  },
  en: {
    intro: (n: number) => `${n} question(s) decide the undetermined measures (as huiqi check lists them); the most decisive come first. Type q to stop.`,
    topics: (n: number) => `${n} situation(s) are not known to arise; answering yes brings up the questions of their measures.`,
    topic: (label: string, n: number) => `(${n} measure(s)) Does this situation arise: ${label}? (yes/no) [Enter to skip]: `,
    decides: 'decides', measures: 'measure(s)', invalid: 'invalid answer: ', result: 'Result', none: 'Nothing left to ask.',
    ended: (q: number, t: number) => `Input ended with ${q} question(s)${t ? ` and ${t} situation(s)` : ''} unanswered (run huiqi ask again, or give --answers).`,
    switches: 'Situations to switch on (their questions follow a yes)', opens: 'concerns',
  },
};

async function evaluate(data: Record<string, unknown>, o: AskOptions): Promise<{ profile: Enterprise; results: RuleResult[] }> {
  const profile = asProfile(data, o.rules.profile);
  return { profile, results: await o.rules.evaluator.evaluateProfile(profile, { asOf: o.asOf, keepTrees: true }) };
}

/**
 * The yes/no switches: the unknown leaves `fact equal value` of the triggers of situational results
 * (boolean or enum facts a profile states), the one concerning most results first.
 */
export function rankTopics(results: readonly RuleResult[], catalog: FactCatalog = builtinCatalog): Topic[] {
  const byKey = new Map<string, Topic>();
  const explainer = new Explainer(catalog);
  for (const r of results) {
    if (r.status !== 'undetermined' || r.relevant !== null || !r.rule.trigger || !r.tree) continue;
    const visit = (node: EvaluatedCondition) => {
      if (node.value !== null) return;
      const c = node.condition;
      if (!('fact' in c)) return node.children.forEach(visit);
      const def = catalog.definition(c.fact);
      if (!def || def.derived || c.operator !== 'equal' || (def.type !== 'boolean' && def.type !== 'enum')) return;
      if (typeof c.value !== 'boolean' && typeof c.value !== 'string') return;
      const incidentId = def.scope !== 'enterprise' ? r.incidentId : undefined;
      const key = `${incidentId ?? ''}\u0000${c.fact}\u0000${String(c.value)}`;
      const topic = byKey.get(key) ?? { fact: c.fact, ...(incidentId !== undefined && { incidentId }), value: c.value, label: explainer.describeCondition(c), opens: [] };
      if (!topic.opens.includes(r)) topic.opens.push(r);
      byKey.set(key, topic);
    };
    visit(r.tree.children[0]!);
  }
  return [...byKey.values()].sort((a, b) => b.opens.length - a.opens.length || a.fact.localeCompare(b.fact));
}

const topicKey = (t: Topic) => `${questionKey(t)}=${String(t.value)}`;
const where = (incidentId: string | undefined, lang: Lang) => (incidentId === undefined ? '' : lang === 'zh' ? `［事项 ${incidentId}］` : `[incident ${incidentId}] `);

/** The questions `check` lists, then the switches, as lines of text. */
export async function questionList(data: Record<string, unknown>, o: AskOptions): Promise<string> {
  const { results } = await evaluate(data, o);
  const w = words[o.lang];
  const questions = rankQuestions(results, o.rules.catalog);
  const topics = rankTopics(results, o.rules.catalog);
  if (!questions.length && !topics.length) return `${w.none}\n`;
  const lines = questions.map(
    (q, i) => `${String(i + 1).padStart(3)}. ${questionPrompt(q, o.lang, o.rules.catalog).replace(/ \[[^\]]*\]: $/, '')} — ${w.decides} ${q.decides.length} ${w.measures}  (${questionKey(q)})`,
  );
  if (topics.length) {
    lines.push('', `${w.switches}:`);
    for (const t of topics) lines.push(`  - ${where(t.incidentId, o.lang)}${t.label[o.lang]} — ${w.opens} ${t.opens.length} ${w.measures}  (${questionKey(t)} = ${String(t.value)})`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same as JSON, for programs. */
export async function questionJson(data: Record<string, unknown>, o: AskOptions): Promise<string> {
  const { results } = await evaluate(data, o);
  const ids = (list: RuleResult[]) => list.map((r) => (r.incidentId !== undefined ? `${r.ruleId} (${r.incidentId})` : r.ruleId));
  return `${JSON.stringify(
    {
      questions: rankQuestions(results, o.rules.catalog).map((q) => ({ ...q, decides: ids(q.decides) })),
      topics: rankTopics(results, o.rules.catalog).map((t) => ({ ...t, opens: ids(t.opens) })),
    },
    null,
    2,
  )}\n`;
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
 * Asks the questions one at a time, then the switches, re-ranking after each answer. An invalid
 * answer is explained and asked again; an empty one skips. Returns the completed profile data.
 */
export async function askSession(data: Record<string, unknown>, io: AskIO, o: AskOptions): Promise<{ data: Record<string, unknown>; profile: Enterprise; results: RuleResult[] }> {
  const w = words[o.lang];
  const skipped = new Set<string>();
  let current = await evaluate(data, o);
  let asked = 0;
  let introduced = false;
  let topicsIntroduced = false;
  for (;;) {
    const questions = rankQuestions(current.results, o.rules.catalog).filter((q) => !skipped.has(questionKey(q)));
    const topics = rankTopics(current.results, o.rules.catalog).filter((t) => !skipped.has(topicKey(t)));
    if ((!questions.length && !topics.length) || (o.maxQuestions !== undefined && asked >= o.maxQuestions)) break;
    if (!introduced) io.print(`${w.intro(questions.length)}\n`);
    introduced = true;
    const q: RankedQuestion | undefined = questions[0];
    if (!q && !topicsIntroduced) io.print(`${w.topics(topics.length)}\n`);
    if (!q) topicsIntroduced = true;
    const prompt = q ? `(${w.decides} ${q.decides.length} ${w.measures}) ${questionPrompt(q, o.lang, o.rules.catalog)}` : `${where(topics[0]!.incidentId, o.lang)}${w.topic(topics[0]!.label[o.lang], topics[0]!.opens.length)}`;
    // A switch is a yes/no question about its fact: yes sets the trigger's value, no (for a boolean) the other.
    const topic = q ? undefined : topics[0]!;
    const asQuestion = q ?? { fact: topic!.fact, ...(topic!.incidentId !== undefined && { incidentId: topic!.incidentId }), label: topic!.label };
    const key = q ? questionKey(q) : topicKey(topic!);
    let answered = false;
    for (;;) {
      const line = await io.ask(prompt);
      if (line === undefined) {
        io.print(`${w.ended(questions.length, topics.length)}\n`);
        return { data, ...current };
      }
      if (line.trim().toLowerCase() === 'q') return { data, ...current };
      let value: unknown;
      try {
        value = topic ? topicValue(topic, line, o.lang) : parseAnswer(asQuestion, line, o.lang, o.rules.catalog);
      } catch (e) {
        io.print(`  ${w.invalid}${(e as Error).message}\n`);
        continue;
      }
      if (value === SKIPPED) break;
      const outcome = answerOutcome(data, asQuestion, value, o.lang, o.rules.profile);
      if ('problem' in outcome) {
        io.print(`  ${w.invalid}${outcome.problem}\n`);
        continue;
      }
      data = outcome.data;
      answered = true;
      break;
    }
    asked++;
    if (answered) current = await evaluate(data, o);
    else skipped.add(key);
  }
  return { data, ...current };
}

/** A switch's answer as its fact's value: yes → the trigger's value; no → the other boolean, or skip for an enum. */
function topicValue(topic: Topic, line: string, lang: Lang): unknown {
  if (isSkip(line)) return SKIPPED;
  if (yesNo(line, lang)) return topic.value;
  return typeof topic.value === 'boolean' ? !topic.value : SKIPPED;
}

/** The result after the session, as `huiqi check` shows it. */
export function sessionResult(profile: Enterprise, results: RuleResult[], o: AskOptions): string {
  return `\n${words[o.lang].result}:\n${checkTable({ profile, results, asOf: o.asOf, lang: o.lang, catalog: o.rules.catalog })}`;
}
