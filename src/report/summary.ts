// Groups a profile's rule results the way every report presents them (one grouping for every output),
// and ranks the questions that would decide undetermined rules (the fact deciding most rules first).
import type { Lang } from '../io/lang.ts';
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { RuleResult } from '../engine/evaluate.ts';
import type { FieldLabel } from '../profile/fields.ts';
import { informationalKinds, isExclusion, restsOnDoubtfulFigure } from '../rules/schema.ts';


/** A fact to ask for: an enterprise fact, or an incident's (asked once per incident). */
export interface QuestionFact {
  fact: string;
  /** The incident an incident fact belongs to; absent for an enterprise fact. */
  incidentId?: string;
  label: FieldLabel;
}

export interface Question extends QuestionFact {
  /** Rule results (rule × incident) this answer helps decide. */
  decides: string[];
}

/** A question with the results it decides, as the ranker gives it. */
export interface RankedQuestion extends QuestionFact {
  decides: RuleResult[];
}

export interface ResultGroups {
  /** Benefits that apply. */
  applies: RuleResult[];
  /** Disqualifications that apply: warnings, not benefits. */
  exclusions: RuleResult[];
  /**
   * Protections (kind `right`) the enterprise can invoke when the situation happens to it: whether it has
   * happened, may happen or is not known to. Never counted among what applies, never "unlocked".
   */
  rights: RuleResult[];
  /** Government targets and pointers to other policies (goal, pointer): shown apart, never counted as eligible, never valued. */
  informational: RuleResult[];
  /** Undetermined rules whose situation (trigger) holds: their questions are worth asking. */
  undetermined: RuleResult[];
  /** Rules about a situation not known to arise (trigger unknown): they matter only if it does. */
  situational: RuleResult[];
  doesNotApply: RuleResult[];
  /** Rules about a situation that does not arise for this profile (trigger false). */
  besideThePoint: RuleResult[];
  /** Disqualifications checked and not triggered: good news, listed apart from benefits that do not apply. */
  exclusionsClear: RuleResult[];
  notInForce: RuleResult[];
  questions: Question[];
}

const label = (r: RuleResult) => (r.incidentId ? `${r.ruleId} (${r.incidentId})` : r.ruleId);

export type VerdictGroup = Exclude<keyof ResultGroups, 'questions'>;

/** The one place that decides where a result is shown: every report, the summary counts and the deadlines use it. */
export function verdictGroup(r: RuleResult): VerdictGroup {
  if (r.status === 'not-in-force') return 'notInForce';
  const kind = r.rule.kind;
  const ineligible = r.status === 'ineligible';
  if (isExclusion(r.rule)) return r.status === 'eligible' ? 'exclusions' : ineligible ? 'exclusionsClear' : r.relevant === true ? 'undetermined' : 'situational';
  // A right whose situation does not arise now is still the enterprise's should it arise; one whose
  // situation arises but whose conditions fail does not apply.
  if (kind === 'right') return ineligible && r.relevant !== false ? 'doesNotApply' : 'rights';
  // A goal or pointer, met or open, is information: its questions decide nothing the enterprise can claim;
  // one that does not concern the enterprise is not news either ("does not apply" lists lost entitlements).
  if (informationalKinds.includes(kind)) return ineligible ? 'besideThePoint' : 'informational';
  if (ineligible) return r.relevant === false ? 'besideThePoint' : 'doesNotApply';
  if (r.status === 'eligible') return 'applies';
  return r.relevant === true ? 'undetermined' : 'situational';
}

/** localeCompare's order (the same default collation), with the collator made once rather than per comparison. */
const byFactName = new Intl.Collator().compare;

/**
 * The questions worth asking, for `check`, `report` and `ask` alike: the missing facts of undetermined
 * rules whose situation arises (rules about a situation not known to arise wait), the fact deciding
 * most results first, then by fact name and incident order. An incident's fact is asked per incident.
 */
export function rankQuestions(results: readonly RuleResult[], catalog: FactCatalog = builtinCatalog): RankedQuestion[] {
  const byKey = new Map<string, RankedQuestion>();
  for (const r of results) {
    if (verdictGroup(r) !== 'undetermined') continue; // rights, goals and pointers decide nothing to claim
    for (const fact of r.missingFacts) {
      const def = catalog.definition(fact);
      const incidentId = def && def.scope !== 'enterprise' ? r.incidentId : undefined;
      const key = `${incidentId ?? ''}\u0000${fact}`;
      const q = byKey.get(key) ?? { fact, ...(incidentId !== undefined && { incidentId }), label: { zh: def?.zh ?? fact, en: def?.en ?? fact }, decides: [] };
      q.decides.push(r);
      byKey.set(key, q);
    }
  }
  // A stable sort: questions of one fact keep the incidents' order.
  return [...byKey.values()].sort((a, b) => b.decides.length - a.decides.length || byFactName(a.fact, b.fact));
}

/** How a question names its fact: `customsCredit`, or `TAX-1.underpaidTax` for an incident's fact. */
export const questionKey = (q: Pick<Question, 'fact' | 'incidentId'>) => (q.incidentId !== undefined ? `${q.incidentId}.${q.fact}` : q.fact);

export function groupResults(results: readonly RuleResult[], catalog: FactCatalog = builtinCatalog): ResultGroups {
  const groups: Omit<ResultGroups, 'questions'> = {
    applies: [], exclusions: [], rights: [], informational: [], undetermined: [], situational: [],
    doesNotApply: [], besideThePoint: [], exclusionsClear: [], notInForce: [],
  };
  for (const r of results) groups[verdictGroup(r)].push(r);
  return {
    ...groups,
    questions: rankQuestions(groups.undetermined, catalog).map((q) => ({ ...q, decides: q.decides.map(label) })),
  };
}

/** Whether a result rests on a doubtful figure (a `confidence: low` rule, e.g. from the machine-garbled Hubei seed). */
export const isDoubtful = (r: RuleResult): boolean => restsOnDoubtfulFigure(r.rule);

/** What every output says beside a result of a low-confidence rule. */
export function doubtText(r: RuleResult, lang: Lang): string | undefined {
  if (!isDoubtful(r)) return undefined;
  const reason = r.rule.confidence!.reason[lang];
  return lang === 'zh'
    ? `数字存疑：政策原文中的数字不可靠（${reason}），请先向发文机关核实实际数字，再据此办理`
    : `doubtful figure: the figure in the source is doubtful (${reason}); confirm the real figure with the issuing authority before relying on it`;
}

/**
 * A result's caveats (conditions only the authority judges), one line each: "unless customs judges …", then
 * the measures it is not combined with (就高不重复), which every surface shows beside it too.
 */
export function caveatTexts(r: RuleResult, lang: Lang): string[] {
  const combined = notCombinedNote(r.rule);
  return [...(r.rule.caveats ?? []).map((c) => `${lang === 'zh' ? '但书' : 'caveat'}: ${c[lang]}`), ...(combined ? [combined[lang]] : [])];
}

/** "与…不重复享受，按就高" from a rule's notCombinedWith, with the words it rests on; undefined without one. */
export function notCombinedNote(rule: Pick<RuleResult['rule'], 'notCombinedWith'>): { zh: string; en: string } | undefined {
  const n = rule.notCombinedWith;
  if (!n) return undefined;
  const ids = n.rules.join('、');
  const cap = n.cap !== undefined ? n.cap.toLocaleString('en-US') : '';
  return n.principle === 'highest'
    ? { zh: `与 ${ids} 不重复享受，按就高（"${n.source.quote}"）`, en: `not combined with ${n.rules.join(', ')}: only the higher applies ("${n.source.quote}")` }
    : { zh: `与 ${ids} 不重复享受，合计最高不超过${cap}元（"${n.source.quote}"）`, en: `not combined with ${n.rules.join(', ')}: together at most ¥${cap} ("${n.source.quote}")` };
}

/** The facts a result still needs, by their catalog labels (never the bare ids in the body of a report). */
export function missingFactLabels(r: RuleResult, lang: Lang, catalog: FactCatalog = builtinCatalog): string[] {
  return r.missingFacts.map((f) => catalog.definition(f)?.[lang] ?? f);
}

/** When a right applies: now (its situation has arisen) or the situation it waits for, in plain words. */
export function rightSituation(r: RuleResult, lang: Lang): string {
  if (r.status === 'eligible') return lang === 'zh' ? '所涉情形已发生，现可主张' : 'the situation has arisen: it can be invoked now';
  const open = r.status === 'undetermined' ? r.openConditions : r.failedConditions;
  // A right whose situation is not known yet has no open condition of its own: name what is not known.
  const named = open.length ? open.map((c) => c[lang]) : missingFactLabels(r, lang);
  if (!named.length) return lang === 'zh' ? '所涉情形发生时可主张' : 'can be invoked if its situation arises';
  const words = named.join(lang === 'zh' ? '；' : '; ');
  return lang === 'zh' ? `如发生以下情形即可主张：${words}` : `can be invoked if this happens: ${words}`;
}

/** "¥50,000–200,000", "up to 1% a year", … from an outcome amount. */
export function amountText(amount: RuleResult['rule']['outcome']['amount'], lang: Lang): string | undefined {
  if (!amount) return undefined;
  const money = amount.unit.startsWith('CNY');
  const fmt = (n: number) => (money ? `¥${n.toLocaleString('en-US')}` : String(n));
  const units: Record<string, [string, string]> = {
    CNY: ['', ''], 'CNY/year': ['/年', ' a year'], percent: ['%', '%'], 'percent/year': ['%/年', '% a year'],
    hours: ['小时', ' hours'], days: ['天', ' days'], 'working-days': ['个工作日', ' working days'], months: ['个月', ' months'], years: ['年', ' years'],
  };
  const [zhUnit, enUnit] = units[amount.unit]!;
  const unit = lang === 'zh' ? zhUnit : enUnit;
  const { min, max } = amount;
  if (min !== undefined && max !== undefined && min !== max) return `${fmt(min)}–${fmt(max)}${unit}`;
  if (max !== undefined && min === undefined) return lang === 'zh' ? `最高${fmt(max)}${unit}` : `up to ${fmt(max)}${unit}`;
  return `${fmt((min ?? max)!)}${unit}`;
}

/** How a result is named in a report: the rule's title, with the incident it concerns. */
export function resultTitle(r: RuleResult, lang: Lang): string {
  const title = r.rule.title[lang];
  return r.incidentId ? `${title} [${lang === 'zh' ? '事项' : 'incident'} ${r.incidentId}]` : title;
}

/** "海关总署公告2023年第127号 第一条第（一）项" */
export function citationText(r: RuleResult): string {
  const { docNumber, title, article } = r.rule.source;
  // Documents published without a 文号 are named by their title.
  return docNumber.includes('无文号') ? `《${title}》 ${article}` : `${docNumber} ${article}`;
}
