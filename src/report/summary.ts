// Groups a profile's rule results the way every report presents them, and ranks the questions
// that would decide undetermined rules (the fact deciding most rules first).
import { factDefinition } from '../facts/catalog.ts';
import type { RuleResult } from '../engine/evaluate.ts';
import type { FieldLabel } from '../profile/fields.ts';

export type Lang = 'zh' | 'en';

export interface Question {
  fact: string;
  /** The incident an incident fact belongs to (asked once per incident); absent for an enterprise fact. */
  incidentId?: string;
  label: FieldLabel;
  /** Rule results (rule × incident) this answer helps decide. */
  decides: string[];
}

/** A question with the results it decides, as the ranker gives it. */
export interface RankedQuestion extends Omit<Question, 'decides'> {
  decides: RuleResult[];
}

export interface ResultGroups {
  /** Benefits that apply. */
  applies: RuleResult[];
  /** Disqualifications that apply: warnings, not benefits. */
  exclusions: RuleResult[];
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

/**
 * The questions worth asking, for `check`, `report` and `ask` alike: the missing facts of undetermined
 * rules whose situation arises (rules about a situation not known to arise wait), the fact deciding
 * most results first, then by fact name and incident order. An incident's fact is asked per incident.
 */
export function rankQuestions(results: readonly RuleResult[]): RankedQuestion[] {
  const byKey = new Map<string, RankedQuestion>();
  for (const r of results) {
    if (r.status !== 'undetermined' || r.relevant !== true) continue;
    for (const fact of r.missingFacts) {
      const def = factDefinition(fact);
      const incidentId = def && def.scope !== 'enterprise' ? r.incidentId : undefined;
      const key = `${incidentId ?? ''}\u0000${fact}`;
      const q = byKey.get(key) ?? { fact, ...(incidentId !== undefined && { incidentId }), label: { zh: def?.zh ?? fact, en: def?.en ?? fact }, decides: [] };
      q.decides.push(r);
      byKey.set(key, q);
    }
  }
  // A stable sort: questions of one fact keep the incidents' order.
  return [...byKey.values()].sort((a, b) => b.decides.length - a.decides.length || a.fact.localeCompare(b.fact));
}

/** How a question names its fact: `customsCredit`, or `TAX-1.underpaidTax` for an incident's fact. */
export const questionKey = (q: Pick<Question, 'fact' | 'incidentId'>) => (q.incidentId !== undefined ? `${q.incidentId}.${q.fact}` : q.fact);

export function groupResults(results: readonly RuleResult[]): ResultGroups {
  const isExclusion = (r: RuleResult) => r.rule.kind === 'disqualification';
  const undetermined = results.filter((r) => r.status === 'undetermined' && r.relevant === true);
  return {
    applies: results.filter((r) => r.status === 'eligible' && !isExclusion(r)),
    exclusions: results.filter((r) => r.status === 'eligible' && isExclusion(r)),
    undetermined,
    situational: results.filter((r) => r.status === 'undetermined' && r.relevant !== true),
    doesNotApply: results.filter((r) => r.status === 'ineligible' && r.relevant !== false && !isExclusion(r)),
    besideThePoint: results.filter((r) => r.status === 'ineligible' && r.relevant === false && !isExclusion(r)),
    exclusionsClear: results.filter((r) => r.status === 'ineligible' && isExclusion(r)),
    notInForce: results.filter((r) => r.status === 'not-in-force'),
    questions: rankQuestions(results).map((q) => ({ ...q, decides: q.decides.map(label) })),
  };
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
