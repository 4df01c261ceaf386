// `huiqi check` output: what applies, what does not and why, what is undetermined and the questions
// that would decide it. Three formats: a terminal table, JSON, Markdown.
import { coverageLines, coverageOf } from './coverage.ts';
import { enterpriseFactSet, type RuleResult } from '../engine/evaluate.ts';
import type { FactCatalog } from '../facts/catalog.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { horizonPassed, restsOnDoubtfulFigure, statuses, type Rule } from '../rules/schema.ts';
import {
  caveatTexts,
  citationText,
  countedTexts,
  doubtText,
  forceWindow,
  groupResults,
  groupWords,
  headlineText,
  missingFactLabels,
  nextStepLines,
  notCombinedNote,
  personResult,
  questionKey,
  resultTitle,
  rightSituation,
  windowText,
  type Question,
} from './groups.ts';
import type { Lang } from '../io/lang.ts';
import { Lines } from './lines.ts';
import { withoutRawHtml } from './markdown.ts';
import { version } from '../io/version.ts';

export interface CheckReportInput {
  profile: Enterprise;
  results: RuleResult[];
  asOf: string;
  lang: Lang;
  /** List situational and beside-the-point rules one by one instead of counting them. */
  all?: boolean;
  /** The facts of the rule set that gave the results (labels of the facts asked for); the built-in facts by default. */
  catalog?: FactCatalog;
}

// The group titles and badges are the one table every output shares (groups.ts groupWords); these are the table's own.
const words = {
  zh: {
    decides: '可确定',
    rules: '项',
    listAll: '（--all 逐项列出）',
    moreQuestions: '个问题（--all 全部列出）',
    asOf: '评估日期',
    none: '无',
    source: '依据',
    ifSo: '前提',
    incident: '事项',
  },
  en: {
    decides: 'decides',
    rules: 'result(s)',
    listAll: '(--all lists them)',
    moreQuestions: 'more questions (--all lists them)',
    asOf: 'as of',
    none: 'none',
    source: 'source',
    ifSo: 'if',
    incident: 'incident',
  },
};

/** The most decisive questions first; the rest are counted unless --all. */
const QUESTIONS_SHOWN = 10;
const shownQuestions = (questions: Question[], all?: boolean) => (all ? questions : questions.slice(0, QUESTIONS_SHOWN));

/**
 * The note on a result whose document's plan period (horizon) has ended by `asOf`, in both languages; undefined
 * before. The period's end is given as a year when it is the year's last day (到2025年).
 */
export function horizonNote(rule: Pick<Rule, 'horizon'>, asOf: string): { zh: string; en: string } | undefined {
  if (!rule.horizon || !horizonPassed(rule, asOf)) return undefined;
  const [y, m, d] = rule.horizon.end.split('-').map(Number) as [number, number, number];
  const yearEnd = m === 12 && d === 31;
  return {
    zh: `该规划期已于${yearEnd ? `${y}年` : `${y}年${m}月${d}日`}结束，请向责任单位确认措施是否仍在执行`,
    en: `The plan period ended ${yearEnd ? `in ${y}` : `on ${rule.horizon.end}`}; confirm with the office responsible that the measure is still carried out`,
  };
}

/** The members of a result's JSON that depend on its rule and the date: the horizon's note once it has passed. */
export function horizonJson(rule: Rule, asOf: string) {
  const note = horizonNote(rule, asOf);
  return note ? { horizonPassed: true as const, horizonNote: note } : {};
}

/** One result as JSON: everything a program needs, rule texts in both languages. */
export function resultJson(r: RuleResult, asOf: string, window?: WindowJson) {
  return {
    ruleId: r.ruleId,
    status: r.status,
    ...(r.incidentId !== undefined && { incidentId: r.incidentId }),
    ...ruleHeadJson(r.rule),
    relevant: r.relevant,
    missingFacts: r.missingFacts,
    failedConditions: r.failedConditions,
    openConditions: r.openConditions,
    ...ruleTailJson(r.rule),
    ...horizonJson(r.rule, asOf),
    ...(window && { window }),
  };
}

/** A JSON object's members as text, after a comma (`,"a":1,"b":2`); empty for an object without any. */
const members = (object: object): string => {
  const text = JSON.stringify(object);
  return text === '{}' ? '' : `,${text.slice(1, -1)}`;
};

/** The text of the members of a result's JSON that depend on its rule alone, made once per rule by whoever writes many results. */
export interface RuleJsonText {
  /** `{"ruleId":…,"status":` */
  start: string;
  /** From the title to `"relevant":` (`,"title":…,"relevant":`). */
  head: string;
  /** From the outcome to the rule's last member, without the closing brace. */
  tail: string;
}

export const ruleJsonText = (rule: Rule): RuleJsonText => ({
  start: `{"ruleId":${JSON.stringify(rule.id)},"status":`,
  head: `${members(ruleHeadJson(rule))},"relevant":`,
  tail: members(ruleTailJson(rule)),
});

/** The explanation in a result's JSON, between its rule's head and tail: `true,"missingFacts":[…],…,"openConditions":[…]`. */
export const explanationJsonText = (r: RuleResult): string =>
  `${JSON.stringify(r.relevant)},"missingFacts":${JSON.stringify(r.missingFacts)},"failedConditions":${JSON.stringify(r.failedConditions)},"openConditions":${JSON.stringify(r.openConditions)}`;

const STATUS_TEXT = Object.fromEntries(statuses.map((s) => [s, JSON.stringify(s)])) as Record<RuleResult['status'], string>;

/**
 * A listed result's JSON text after a comma, member for member as resultJson gives them, from its rule's
 * text (ruleJsonText): `,{"ruleId":…,"status":…` (with its incident), its rule's head, its explanation,
 * its rule's tail, then what depends on the date and the profile (the note of a plan period that has
 * ended, the window of a rule not in force) and the closing brace.
 */
export function resultJsonText(r: RuleResult, asOf: string, window: WindowJson | undefined, rule: RuleJsonText): string {
  const incident = r.incidentId !== undefined ? `,"incidentId":${JSON.stringify(r.incidentId)}` : '';
  const horizon = horizonPassed(r.rule, asOf) ? members(horizonJson(r.rule, asOf)) : '';
  return `,${rule.start}${STATUS_TEXT[r.status]}${incident}${rule.head}${explanationJsonText(r)}${rule.tail}${horizon}${window ? `,"window":${JSON.stringify(window)}` : ''}}`;
}

/** What an answer's results are written from, kept by whoever writes many answers (a server, as bytes `T`). */
export interface KeptJsonText<T> {
  /** A listed result's JSON text after a comma (resultJsonText), or without the comma when it is the `first`. */
  result(r: RuleResult, asOf: string, window: WindowJson | undefined, first: boolean): T;
  /** A rule not in force as the answer's head lists it: the JSON text of notInForceJson. */
  notInForce(r: RuleResult, window: WindowJson): string;
}

/**
 * JSON.stringify(checkReport(input)) written as a list of texts: the one writer of a result's JSON text
 * beside resultJson, member for member (test/server/check-answer.test.ts holds them equal on every
 * sample). The head and the questions, made anew for each answer, are one string; each result is one
 * text from `kept`: every piece costs a write of its own when the answer is sent.
 */
export function checkReportText<T>(input: CheckReportInput, kept: KeptJsonText<T>): (string | T)[] {
  const { head, notInForce, questions, listed } = checkReportParts(input);
  const rulesNotInForce = notInForce.map(({ r, window }) => kept.notInForce(r, window)).join(',');
  const out: (string | T)[] = [`${JSON.stringify(head).slice(0, -1)},"notInForce":[${rulesNotInForce}],"questions":${JSON.stringify(questions)},"results":[`];
  listed.forEach((r, i) => out.push(kept.result(r, input.asOf, windowJson(r, input.profile, input.asOf), i === 0)));
  out.push(']}');
  return out;
}

/** A rule not in force: its window and the side of it the date judged falls (forceWindow without the quote). */
export function windowJson(r: RuleResult, profile: Enterprise, asOf: string) {
  const w = forceWindow(r, profile, asOf);
  if (!w) return undefined;
  const { source: _source, ...json } = w;
  return json;
}
export type WindowJson = NonNullable<ReturnType<typeof windowJson>>;

/** A rule not in force as the answer's head lists it: its id (and incident), its window and the side of it the date judged falls (expired: after it ends). */
export const notInForceJson = (r: RuleResult, window: WindowJson) => ({ ruleId: r.ruleId, ...(r.incidentId !== undefined && { incidentId: r.incidentId }), ...window });

// The members of a result's JSON that depend on its rule alone, in their place in resultJson.
export const ruleHeadJson = (rule: Rule) => ({ title: rule.title, kind: rule.kind, jurisdiction: rule.source.jurisdiction });
export const ruleTailJson = (rule: Rule) => ({
  outcome: rule.outcome,
  source: rule.source,
  ...(rule.notes && { notes: rule.notes }),
  ...(rule.confidence && { confidence: rule.confidence }),
  ...(restsOnDoubtfulFigure(rule) && { doubtful: true }),
  ...(rule.caveats && { caveats: rule.caveats }),
  ...(rule.handledBy && { handledBy: rule.handledBy }),
  ...(rule.handledByUnstated && { handledByUnstated: rule.handledByUnstated }),
  ...(rule.howToApply && { howToApply: rule.howToApply }),
  ...(rule.applicationWindow && { applicationWindow: rule.applicationWindow }),
  ...(rule.notCombinedWith && { notCombinedWith: rule.notCombinedWith, notCombinedNote: notCombinedNote(rule)! }),
  ...(rule.horizon && { horizon: rule.horizon }),
});

/**
 * The check as data: what `--format json` prints, POST /api/v1/check answers and the library's check()
 * returns. As in the table, rights and government targets whose situation is not known to arise, results about situations not known to arise or that do not arise, exclusions
 * checked and clear, and rules not in force are counted, not listed, unless `all`: listing them would make
 * the answer ~8 times longer (~560 KB for a sample) with rules that say nothing about this enterprise.
 */
export function checkReport(input: CheckReportInput) {
  const { head, notInForce, questions, listed } = checkReportParts(input);
  return {
    ...head,
    notInForce: notInForce.map(({ r, window }) => notInForceJson(r, window)),
    questions,
    results: listed.map((r) => resultJson(r, input.asOf, windowJson(r, input.profile, input.asOf))),
  };
}

/**
 * checkReport in its parts: the members before the rules not in force, those rules with their windows
 * (each listed as notInForceJson of it), the questions, and the results it lists (each one is resultJson of it).
 */
export function checkReportParts({ profile, results, asOf, all, catalog }: CheckReportInput) {
  const groups = groupResults(results, catalog, enterpriseFactSet(profile, asOf));
  const notInForce = groups.notInForce.map((r) => ({ r, window: windowJson(r, profile, asOf)! }));
  const head = {
    huiqiVersion: version,
    asOf,
    enterprise: { name: profile.name, uscc: profile.uscc },
    counts: {
      // Rights and informational results are counted apart: neither is an entitlement that applies.
      eligible: groups.applies.length + groups.exclusions.length,
      rights: groups.rights.length,
      informational: groups.informational.length,
      undetermined: groups.undetermined.length,
      situational: groups.situational.length,
      ineligible: groups.doesNotApply.length + groups.besideThePoint.length + groups.exclusionsClear.length,
      notInForce: groups.notInForce.length,
      expired: notInForce.filter((w) => w.window.side === 'expired').length,
      notYetInForce: notInForce.filter((w) => w.window.side === 'not-yet').length,
    },
  };
  const { questions } = groups;
  if (all) return { head, notInForce, questions, listed: results };
  // What the table lists, in the results' order: the parts listed whole, rights and targets shown now (inView).
  const listed = new Set<RuleResult>();
  for (const part of [groups.applies, groups.exclusions, groups.undetermined, groups.doesNotApply]) for (const r of part) listed.add(r);
  for (const part of [groups.rights, groups.informational]) for (const r of part) if (r.relevant === true) listed.add(r); // as the table shows them
  return { head, notInForce, questions, listed: results.filter((r) => listed.has(r)) };
}
export type CheckReport = ReturnType<typeof checkReport>;

export const checkJson = (input: CheckReportInput): string => JSON.stringify(checkReport(input), null, 2);

/** The outcome, then its caveats and any doubt, one per line. */
function outcomeLines(r: RuleResult, lang: Lang): string[] {
  const doubt = doubtText(r, lang);
  return [r.rule.outcome[lang], ...caveatTexts(r, lang), ...(doubt ? [doubt] : [])];
}

/** What an undetermined result still needs: its facts by label, or the figure a doubtful rule rests on. */
function needsLines(r: RuleResult, lang: Lang, catalog: FactCatalog | undefined): string[] {
  const doubt = doubtText(r, lang);
  const facts = missingFactLabels(r, lang, catalog);
  return [...(facts.length ? [`${groupWords[lang].needs}: ${facts.join(lang === 'zh' ? '；' : '; ')}`] : []), ...caveatTexts(r, lang), ...(doubt ? [doubt] : [])];
}

interface Part {
  title: string;
  list: RuleResult[];
  body: (r: RuleResult) => string[];
  /** Listed even when empty ("none"). */
  always?: boolean;
  /** After the part: the questions that decide it. */
  questions?: boolean;
}

/**
 * A person's result in the order every format shows it (groups.ts personResult): 适用 with what to do next,
 * exclusions, 待确认 with its questions, the rights whose situation arises, 不适用, 已失效, 尚未生效; then what
 * is counted. With --all, the counted groups are listed too.
 */
function checkParts(input: CheckReportInput, cite: (r: RuleResult) => string): { parts: Part[]; counted: string[] } {
  const { profile, results, asOf, lang, all, catalog } = input;
  const w = groupWords[lang];
  const p = personResult(results, profile, asOf, catalog);
  const because = (r: RuleResult) => [`${w.failed}: ${r.failedConditions.map((c) => c[lang]).join(lang === 'zh' ? '；' : '; ')}`];
  const described = (r: RuleResult) => [...outcomeLines(r, lang), cite(r)];
  const next = (r: RuleResult) => [...outcomeLines(r, lang), ...nextStepLines(r, lang).map(([k, v]) => `${k}: ${v}`), cite(r)];
  const windows = new Map([...p.expired, ...p.notYet].map(({ r, window }) => [r, window]));
  const dated = (r: RuleResult) => [windowText(windows.get(r)!, lang), cite(r)];
  const parts: Part[] = [
    { title: w.applies, list: p.applies, body: next, always: true },
    { title: w.exclusions, list: p.exclusions, body: described },
    { title: w.undetermined, list: p.undetermined, body: (r) => [...needsLines(r, lang, input.catalog), cite(r)], always: true, questions: true },
    { title: w.rights, list: p.rights, body: (r) => [rightSituation(r, lang), ...described(r)] },
    { title: w.doesNotApply, list: p.doesNotApply, body: because, always: true },
    { title: w.expired, list: p.expired.map((e) => e.r), body: dated },
    { title: w.notYet, list: p.notYet.map((e) => e.r), body: dated },
  ];
  if (!all) return { parts, counted: countedTexts(p, lang) };
  const g = groupResults(results, input.catalog, enterpriseFactSet(input.profile, input.asOf));
  const shown = new Set(parts.flatMap((part) => part.list));
  const ifSo = (r: RuleResult) => [`${words[lang].ifSo}: ${r.openConditions.map((c) => c[lang]).join('; ')}`];
  parts.push(
    { title: w.rightsLater, list: g.rights.filter((r) => !shown.has(r)), body: (r) => [rightSituation(r, lang), ...described(r)] },
    { title: w.informational, list: g.informational, body: described },
    { title: w.situational, list: g.situational, body: ifSo },
    { title: w.besideThePoint, list: [...g.besideThePoint, ...g.notInForce.filter((r) => !shown.has(r))], body: because },
    { title: w.exclusionsClear, list: g.exclusionsClear, body: described },
  );
  return { parts, counted: [] };
}

/** Plain text for a terminal; with `write`, written batch by batch as it is made (and '' returned). */
export function checkTable(input: CheckReportInput, write?: (text: string) => void): string {
  const { profile, results, asOf, lang, all, catalog } = input;
  const w = words[lang];
  const g = groupResults(results, catalog, enterpriseFactSet(profile, asOf));
  const out = new Lines([`${profile.name}  ${profile.uscc}  (${w.asOf} ${asOf}, huiqi ${version})`, ''], write);
  const cite = (r: RuleResult) => `${w.source}: ${citationText(r)}  [${r.ruleId}]`;
  const { parts, counted } = checkParts(input, cite);
  out.push(headlineText(personResult(results, profile, asOf, catalog), lang), ...coverageLines(coverageOf(profile, results), lang), '');
  for (const part of parts) {
    if (!part.list.length && !part.always) continue;
    out.push(`${part.title} (${part.list.length})`);
    if (!part.list.length) out.push(`  ${w.none}`);
    for (const r of part.list) out.push(`  • ${resultTitle(r, lang)}`, ...part.body(r).map((l) => `      ${l}`));
    if (part.questions && g.questions.length) {
      out.push(`  ${groupWords[lang].questions}:`);
      for (const q of shownQuestions(g.questions, all)) out.push(`    ? ${q.label[lang]} (${questionKey(q)}) — ${w.decides} ${q.decides.length} ${w.rules}`);
      if (!all && g.questions.length > QUESTIONS_SHOWN) out.push(`    … ${g.questions.length - QUESTIONS_SHOWN} ${w.moreQuestions}`);
    }
    out.push('');
  }
  if (counted.length) out.push(...counted.map((c) => `${c} ${w.listAll}`), '');
  return out.text();
}

/** Markdown, e.g. to paste into a ticket or e-mail. */
export function checkMarkdown(input: CheckReportInput): string {
  const { profile, results, asOf, lang, all, catalog } = input;
  const w = words[lang];
  const g = groupResults(results, catalog, enterpriseFactSet(profile, asOf));
  const out = new Lines([`# ${profile.name}`, '', `统一社会信用代码 ${profile.uscc} · ${w.asOf} ${asOf} · huiqi ${version}`, '']);
  const cite = (r: RuleResult) => `${w.source}: ${citationText(r)} — 「${r.rule.source.quote}」 (\`${r.ruleId}\`)`;
  const { parts, counted } = checkParts(input, cite);
  out.push(`**${headlineText(personResult(results, profile, asOf, catalog), lang)}**`, '', ...coverageLines(coverageOf(profile, results), lang).map((l) => `> ${l}`), '');
  for (const part of parts) {
    if (!part.list.length && !part.always) continue;
    out.push(`## ${part.title} (${part.list.length})`, '');
    if (!part.list.length) out.push(`_${w.none}_`, '');
    for (const r of part.list) out.push(`- **${resultTitle(r, lang)}**`, ...part.body(r).map((l) => `  - ${l}`));
    if (part.list.length) out.push('');
    if (part.questions && g.questions.length) {
      out.push(`### ${groupWords[lang].questions}`, '');
      for (const q of shownQuestions(g.questions, all)) out.push(`- ${q.label[lang]} (\`${questionKey(q)}\`) — ${w.decides} ${q.decides.length} ${w.rules}`);
      if (!all && g.questions.length > QUESTIONS_SHOWN) out.push(`- … ${g.questions.length - QUESTIONS_SHOWN} ${w.moreQuestions}`);
      out.push('');
    }
  }
  if (counted.length) out.push(...counted.map((c) => `- ${c} ${w.listAll}`), '');
  return withoutRawHtml(out.join());
}

export const checkFormats = { table: checkTable, json: checkJson, markdown: checkMarkdown } as const;
export type CheckFormat = keyof typeof checkFormats;
