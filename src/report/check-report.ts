// `huiqi check` output: what applies, what does not and why, what is undetermined and the questions
// that would decide it. Three formats: a terminal table, JSON, Markdown.
import type { RuleResult } from '../engine/evaluate.ts';
import type { FactCatalog } from '../facts/catalog.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { horizonPassed, restsOnDoubtfulFigure, type Rule } from '../rules/schema.ts';
import { amountText, caveatTexts, citationText, doubtText, groupResults, missingFactLabels, notCombinedNote, questionKey, resultTitle, rightSituation, type Question, type ResultGroups } from './summary.ts';
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

const words = {
  zh: {
    applies: '适用', exclusions: '适用的排除情形', undetermined: '待确认', doesNotApply: '不适用', notInForce: '未生效或已失效',
    questions: '需要回答的问题', decides: '可确定', rules: '项', because: '未满足', exclusionsClear: '已核查且未触发的排除情形',
    situational: '视情形适用（相关情形是否发生尚不清楚）', besideThePoint: '所涉情形与本企业无关', listAll: '（--all 逐项列出）', ifSo: '前提', moreQuestions: '个问题（--all 全部列出）', missing: '需确认', asOf: '评估日期', none: '无',
    source: '依据', rights: '权利（所涉情形发生时可主张）', informational: '政府工作目标与政策指引（仅供参考，不属于可享受的措施）',
    rightsLater: '其他权利（所涉情形尚未发生或不明）', informationalLater: '其他政府工作目标与政策指引（所涉情形不明）',
  },
  en: {
    applies: 'Applies', exclusions: 'Exclusions that apply', undetermined: 'Undetermined', doesNotApply: 'Does not apply',
    notInForce: 'Not in force', questions: 'Questions to answer', decides: 'decides', rules: 'result(s)', because: 'not met',
    missing: 'needs', asOf: 'as of', exclusionsClear: 'Exclusions checked and not triggered',
    situational: 'Situational (apply only if the situation arises; not known yet)', besideThePoint: 'About situations that do not arise here',
    listAll: '(--all lists them)', ifSo: 'if', moreQuestions: 'more questions (--all lists them)', none: 'none', source: 'source',
    rights: 'Rights (can be invoked if the situation happens)', informational: 'Government targets and pointers to other policies (for information; not measures to claim)',
    rightsLater: 'Other rights (their situation has not arisen or is not known)', informationalLater: 'Other government targets and pointers (their situation is not known)',
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
export function resultJson(r: RuleResult, asOf: string) {
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
  };
}

// The members of a result's JSON that depend on its rule alone, in their place in resultJson: the server
// writes their text once per rule and splices it into every answer (src/server/check-answer.ts).
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
  const { head, listed } = checkReportParts(input);
  return { ...head, results: listed.map((r) => resultJson(r, input.asOf)) };
}

/** checkReport but for its results, which are left as the results it lists (each one is resultJson of it). */
export function checkReportParts({ profile, results, asOf, all, catalog }: CheckReportInput) {
  const groups = groupResults(results, catalog);
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
    },
    questions: groups.questions,
  };
  if (all) return { head, listed: results };
  // What the table lists, in the results' order: the parts listed whole, rights and targets shown now (inView).
  const listed = new Set<RuleResult>();
  for (const part of [groups.applies, groups.exclusions, groups.undetermined, groups.doesNotApply]) for (const r of part) listed.add(r);
  for (const part of [groups.rights, groups.informational]) for (const r of part) if (shownNow(r)) listed.add(r);
  return { head, listed: results.filter((r) => listed.has(r)) };
}
export type CheckReport = ReturnType<typeof checkReport>;

export const checkJson = (input: CheckReportInput): string => JSON.stringify(checkReport(input), null, 2);

/** The outcome (with its amount; a goal or pointer has none), then its caveats and any doubt, one per line. */
function outcomeLines(r: RuleResult, lang: Lang): string[] {
  const amount = amountText(r.rule.outcome.amount, lang);
  const doubt = doubtText(r, lang);
  return [`${r.rule.outcome[lang]}${amount ? ` (${amount})` : ''}`, ...caveatTexts(r, lang), ...(doubt ? [doubt] : [])];
}

/** What an undetermined result still needs: its facts by label, or the figure a doubtful rule rests on. */
function needsLines(r: RuleResult, lang: Lang, catalog: FactCatalog | undefined): string[] {
  const doubt = doubtText(r, lang);
  const facts = missingFactLabels(r, lang, catalog);
  return [...(facts.length ? [`${words[lang].missing}: ${facts.join(lang === 'zh' ? '；' : '; ')}`] : []), ...caveatTexts(r, lang), ...(doubt ? [doubt] : [])];
}

interface Part {
  title: string;
  list: RuleResult[];
  /** The lines under each result when the part is listed; a part without one is only ever counted. */
  body?: (r: RuleResult) => string[];
  /** Listed even when empty ("none"), or, for `counted`, only counted unless --all. */
  show: 'always' | 'if-any' | 'counted';
}

/**
 * The parts of a check, in the order every format shows them: what applies, exclusions, rights and
 * government targets whose situation arises, undetermined, does not apply, then what is counted
 * (listed too with --all).
 */
function checkParts(g: ResultGroups, lang: Lang, all: boolean | undefined, cite: (r: RuleResult) => string, catalog: FactCatalog | undefined): Part[] {
  const w = words[lang];
  const rights = inView(g.rights, all);
  const informational = inView(g.informational, all);
  const because = (r: RuleResult) => [`${w.because}: ${r.failedConditions.map((c) => c[lang]).join('; ')}`];
  const described = (r: RuleResult) => [...outcomeLines(r, lang), cite(r)];
  return [
    { title: w.applies, list: g.applies, body: described, show: 'always' },
    { title: w.exclusions, list: g.exclusions, body: described, show: 'if-any' },
    { title: w.rights, list: rights.shown, body: (r) => [rightSituation(r, lang), ...described(r)], show: 'if-any' },
    { title: w.informational, list: informational.shown, body: described, show: 'if-any' },
    { title: w.undetermined, list: g.undetermined, body: (r) => [...needsLines(r, lang, catalog), cite(r)], show: 'always' },
    { title: w.doesNotApply, list: g.doesNotApply, body: because, show: 'always' },
    { title: w.rightsLater, list: rights.later, body: described, show: 'counted' },
    { title: w.informationalLater, list: informational.later, body: described, show: 'counted' },
    { title: w.situational, list: g.situational, body: (r) => [`${w.ifSo}: ${r.openConditions.map((c) => c[lang]).join('; ')}`], show: 'counted' },
    { title: w.besideThePoint, list: g.besideThePoint, body: because, show: 'counted' },
    { title: w.exclusionsClear, list: g.exclusionsClear, show: 'counted' },
    { title: w.notInForce, list: g.notInForce, show: 'counted' },
  ];
}

type Section = (title: string, list: RuleResult[], body: (r: RuleResult) => string[]) => void;

/** Lists or counts each part, as one format draws them: `section` lists one, `line` writes a count. */
function renderParts(parts: Part[], lang: Lang, all: boolean | undefined, section: Section, line: (text: string) => void) {
  const w = words[lang];
  for (const p of parts) {
    if (p.show === 'always' || (p.list.length && p.body && (p.show === 'if-any' || all))) section(p.title, p.list, p.body!);
    else if (p.show === 'counted' && p.list.length) line(`${p.title}: ${p.list.length} ${w.rules}${p.body ? ` ${w.listAll}` : ''}`);
  }
}

/** A right or government target is shown (not only counted) when its situation arises. */
const shownNow = (r: RuleResult): boolean => r.relevant === true;

/**
 * Rights and government targets are listed when their situation arises for the enterprise (or with
 * --all); the others are counted, as situational rules are: a clerk should not read forty protections
 * against things that have not happened.
 */
function inView(list: RuleResult[], all?: boolean): { shown: RuleResult[]; later: RuleResult[] } {
  if (all) return { shown: list, later: [] };
  return { shown: list.filter(shownNow), later: list.filter((r) => !shownNow(r)) };
}

/** Plain text for a terminal; with `write`, written batch by batch as it is made (and '' returned). */
export function checkTable({ profile, results, asOf, lang, all, catalog }: CheckReportInput, write?: (text: string) => void): string {
  const w = words[lang];
  const g = groupResults(results, catalog);
  const out = new Lines([`${profile.name}  ${profile.uscc}  (${w.asOf} ${asOf}, huiqi ${version})`, ''], write);
  const section = (title: string, list: RuleResult[], body: (r: RuleResult) => string[]) => {
    out.push(`${title} (${list.length})`);
    if (!list.length) out.push(`  ${w.none}`);
    for (const r of list) out.push(`  • ${resultTitle(r, lang)}`, ...body(r).map((l) => `      ${l}`));
    out.push('');
  };
  const cite = (r: RuleResult) => `${w.source}: ${citationText(r)}  [${r.ruleId}]`;
  renderParts(checkParts(g, lang, all, cite, catalog), lang, all, section, (line) => out.push(line, ''));
  if (g.questions.length) {
    out.push(`${w.questions}:`);
    for (const q of shownQuestions(g.questions, all)) out.push(`  ? ${q.label[lang]} (${questionKey(q)}) — ${w.decides} ${q.decides.length} ${w.rules}`);
    if (!all && g.questions.length > QUESTIONS_SHOWN) out.push(`  … ${g.questions.length - QUESTIONS_SHOWN} ${w.moreQuestions}`);
  }
  return out.text();
}

/** Markdown, e.g. to paste into a ticket or e-mail. */
export function checkMarkdown({ profile, results, asOf, lang, all, catalog }: CheckReportInput): string {
  const w = words[lang];
  const g = groupResults(results, catalog);
  const out = new Lines([`# ${profile.name}`, '', `统一社会信用代码 ${profile.uscc} · ${w.asOf} ${asOf} · huiqi ${version}`, '']);
  const section = (title: string, list: RuleResult[], body: (r: RuleResult) => string[]) => {
    out.push(`## ${title} (${list.length})`, '');
    if (!list.length) out.push(`_${w.none}_`, '');
    for (const r of list) out.push(`- **${resultTitle(r, lang)}**`, ...body(r).map((l) => `  - ${l}`));
    if (list.length) out.push('');
  };
  const cite = (r: RuleResult) => `${w.source}: ${citationText(r)} — 「${r.rule.source.quote}」 (\`${r.ruleId}\`)`;
  renderParts(checkParts(g, lang, all, cite, catalog), lang, all, section, (line) => out.push(line, ''));
  if (g.questions.length) {
    out.push(`## ${w.questions}`, '');
    for (const q of shownQuestions(g.questions, all)) out.push(`- ${q.label[lang]} (\`${questionKey(q)}\`) — ${w.decides} ${q.decides.length} ${w.rules}`);
    if (!all && g.questions.length > QUESTIONS_SHOWN) out.push(`- … ${g.questions.length - QUESTIONS_SHOWN} ${w.moreQuestions}`);
    out.push('');
  }
  return withoutRawHtml(out.join());
}

export const checkFormats = { table: checkTable, json: checkJson, markdown: checkMarkdown } as const;
export type CheckFormat = keyof typeof checkFormats;
