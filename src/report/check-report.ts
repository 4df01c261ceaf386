// `huiqi check` output: what applies, what does not and why, what is undetermined and the questions
// that would decide it. Three formats: a terminal table, JSON, Markdown.
import type { RuleResult } from '../engine/evaluate.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { amountText, citationText, groupResults, resultTitle, type Lang, type Question } from './summary.ts';
import { Lines } from './lines.ts';
import { withoutRawHtml } from './markdown.ts';
import { version } from './version.ts';

export interface CheckReportInput {
  profile: Enterprise;
  results: RuleResult[];
  asOf: string;
  lang: Lang;
  /** List situational and beside-the-point rules one by one instead of counting them. */
  all?: boolean;
}

const words = {
  zh: {
    applies: '适用', exclusions: '适用的排除情形', undetermined: '待确认', doesNotApply: '不适用', notInForce: '未生效或已失效',
    questions: '需要回答的问题', decides: '可确定', rules: '项', because: '未满足', exclusionsClear: '已核查且未触发的排除情形',
    situational: '视情形适用（相关情形是否发生尚不清楚）', besideThePoint: '所涉情形与本企业无关', listAll: '（--all 逐项列出）', ifSo: '前提', moreQuestions: '个问题（--all 全部列出）', missing: '需确认', asOf: '评估日期', none: '无',
    source: '依据', low: '低可信度',
  },
  en: {
    applies: 'Applies', exclusions: 'Exclusions that apply', undetermined: 'Undetermined', doesNotApply: 'Does not apply',
    notInForce: 'Not in force', questions: 'Questions to answer', decides: 'decides', rules: 'result(s)', because: 'not met',
    missing: 'needs', asOf: 'as of', exclusionsClear: 'Exclusions checked and not triggered',
    situational: 'Situational (apply only if the situation arises; not known yet)', besideThePoint: 'About situations that do not arise here',
    listAll: '(--all lists them)', ifSo: 'if', moreQuestions: 'more questions (--all lists them)', none: 'none', source: 'source', low: 'low confidence',
  },
};

/** The most decisive questions first; the rest are counted unless --all. */
const QUESTIONS_SHOWN = 10;
const shownQuestions = (questions: Question[], all?: boolean) => (all ? questions : questions.slice(0, QUESTIONS_SHOWN));

/** One result as JSON: everything a program needs, rule texts in both languages. */
export function resultJson(r: RuleResult) {
  return {
    ruleId: r.ruleId,
    status: r.status,
    ...(r.incidentId !== undefined && { incidentId: r.incidentId }),
    title: r.rule.title,
    kind: r.rule.kind,
    jurisdiction: r.rule.source.jurisdiction,
    relevant: r.relevant,
    missingFacts: r.missingFacts,
    failedConditions: r.failedConditions,
    openConditions: r.openConditions,
    outcome: r.rule.outcome,
    source: r.rule.source,
    ...(r.rule.notes && { notes: r.rule.notes }),
    ...(r.rule.confidence && { confidence: r.rule.confidence }),
  };
}

export function checkJson({ profile, results, asOf }: CheckReportInput): string {
  const groups = groupResults(results);
  return JSON.stringify(
    {
      huiqiVersion: version,
      asOf,
      enterprise: { name: profile.name, uscc: profile.uscc },
      counts: {
        eligible: groups.applies.length + groups.exclusions.length,
        undetermined: groups.undetermined.length,
        situational: groups.situational.length,
        ineligible: groups.doesNotApply.length + groups.besideThePoint.length + groups.exclusionsClear.length,
        notInForce: groups.notInForce.length,
      },
      questions: groups.questions,
      results: results.map(resultJson),
    },
    null,
    2,
  );
}

function outcomeLine(r: RuleResult, lang: Lang): string {
  const amount = amountText(r.rule.outcome.amount, lang);
  const low = r.rule.confidence?.level === 'low' ? ` [${words[lang].low}: ${r.rule.confidence.reason[lang]}]` : '';
  return `${r.rule.outcome[lang]}${amount ? ` (${amount})` : ''}${low}`;
}

/** Plain text for a terminal; with `write`, written batch by batch as it is made (and '' returned). */
export function checkTable({ profile, results, asOf, lang, all }: CheckReportInput, write?: (text: string) => void): string {
  const w = words[lang];
  const g = groupResults(results);
  const out = new Lines([`${profile.name}  ${profile.uscc}  (${w.asOf} ${asOf}, huiqi ${version})`, ''], write);
  const section = (title: string, list: RuleResult[], body: (r: RuleResult) => string[]) => {
    out.push(`${title} (${list.length})`);
    if (!list.length) out.push(`  ${w.none}`);
    for (const r of list) out.push(`  • ${resultTitle(r, lang)}`, ...body(r).map((l) => `      ${l}`));
    out.push('');
  };
  const cite = (r: RuleResult) => `${w.source}: ${citationText(r)}  [${r.ruleId}]`;
  section(w.applies, g.applies, (r) => [outcomeLine(r, lang), cite(r)]);
  if (g.exclusions.length) section(w.exclusions, g.exclusions, (r) => [outcomeLine(r, lang), cite(r)]);
  section(w.undetermined, g.undetermined, (r) => [`${w.missing}: ${r.missingFacts.join(', ')}`, cite(r)]);
  section(w.doesNotApply, g.doesNotApply, (r) => [`${w.because}: ${r.failedConditions.map((c) => c[lang]).join('; ')}`]);
  const counted = (title: string, list: RuleResult[], body: (r: RuleResult) => string[]) => {
    if (all) section(title, list, body);
    else if (list.length) out.push(`${title}: ${list.length} ${w.rules} ${w.listAll}`, '');
  };
  counted(w.situational, g.situational, (r) => [`${w.ifSo}: ${r.openConditions.map((c) => c[lang]).join('; ')}`]);
  counted(w.besideThePoint, g.besideThePoint, (r) => [`${w.because}: ${r.failedConditions.map((c) => c[lang]).join('; ')}`]);
  if (g.exclusionsClear.length) out.push(`${w.exclusionsClear}: ${g.exclusionsClear.length} ${w.rules}`, '');
  if (g.notInForce.length) out.push(`${w.notInForce}: ${g.notInForce.length} ${w.rules}`, '');
  if (g.questions.length) {
    out.push(`${w.questions}:`);
    for (const q of shownQuestions(g.questions, all)) out.push(`  ? ${q.label[lang]} (${q.fact}) — ${w.decides} ${q.decides.length} ${w.rules}`);
    if (!all && g.questions.length > QUESTIONS_SHOWN) out.push(`  … ${g.questions.length - QUESTIONS_SHOWN} ${w.moreQuestions}`);
  }
  return out.text();
}

/** Markdown, e.g. to paste into a ticket or e-mail. */
export function checkMarkdown({ profile, results, asOf, lang, all }: CheckReportInput): string {
  const w = words[lang];
  const g = groupResults(results);
  const out = new Lines([`# ${profile.name}`, '', `统一社会信用代码 ${profile.uscc} · ${w.asOf} ${asOf} · huiqi ${version}`, '']);
  const section = (title: string, list: RuleResult[], body: (r: RuleResult) => string[]) => {
    out.push(`## ${title} (${list.length})`, '');
    if (!list.length) out.push(`_${w.none}_`, '');
    for (const r of list) out.push(`- **${resultTitle(r, lang)}**`, ...body(r).map((l) => `  - ${l}`));
    if (list.length) out.push('');
  };
  const cite = (r: RuleResult) => `${w.source}: ${citationText(r)} — 「${r.rule.source.quote}」 (\`${r.ruleId}\`)`;
  section(w.applies, g.applies, (r) => [outcomeLine(r, lang), cite(r)]);
  if (g.exclusions.length) section(w.exclusions, g.exclusions, (r) => [outcomeLine(r, lang), cite(r)]);
  section(w.undetermined, g.undetermined, (r) => [`${w.missing}: ${r.missingFacts.map((f) => `\`${f}\``).join(', ')}`, cite(r)]);
  section(w.doesNotApply, g.doesNotApply, (r) => [`${w.because}: ${r.failedConditions.map((c) => c[lang]).join('; ')}`]);
  if (all) {
    section(w.situational, g.situational, (r) => [`${w.ifSo}: ${r.openConditions.map((c) => c[lang]).join('; ')}`]);
    section(w.besideThePoint, g.besideThePoint, (r) => [`${w.because}: ${r.failedConditions.map((c) => c[lang]).join('; ')}`]);
  } else {
    for (const [title, list] of [[w.situational, g.situational], [w.besideThePoint, g.besideThePoint]] as const) {
      if (list.length) out.push(`${title}: ${list.length} ${w.rules} ${w.listAll}`, '');
    }
  }
  if (g.exclusionsClear.length) out.push(`${w.exclusionsClear}: ${g.exclusionsClear.length} ${w.rules}`, '');
  if (g.questions.length) {
    out.push(`## ${w.questions}`, '');
    for (const q of shownQuestions(g.questions, all)) out.push(`- ${q.label[lang]} (\`${q.fact}\`) — ${w.decides} ${q.decides.length} ${w.rules}`);
    if (!all && g.questions.length > QUESTIONS_SHOWN) out.push(`- … ${g.questions.length - QUESTIONS_SHOWN} ${w.moreQuestions}`);
    out.push('');
  }
  return withoutRawHtml(out.join());
}

export const checkFormats = { table: checkTable, json: checkJson, markdown: checkMarkdown } as const;
export type CheckFormat = keyof typeof checkFormats;
